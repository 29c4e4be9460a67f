// Affiliation guessed from an email domain is only a hint: people keep old
// addresses after changing employer, so callers must mark the result as inferred
// and let an official confirm it.

const ORGANISATION_BY_DOMAIN: Record<string, string> = {
  "alibaba.com": "Alibaba",
  "alibaba-inc.com": "Alibaba",
  "amazon.com": "Amazon",
  "antfin.com": "Ant Financial",
  "antgroup.com": "Ant Group",
  "apple.com": "Apple",
  "arm.com": "Arm",
  "bytedance.com": "ByteDance",
  "canonical.com": "Canonical",
  "confluent.io": "Confluent",
  "databricks.com": "Databricks",
  "edgeless.systems": "Edgeless Systems",
  "google.com": "Google",
  "huawei.com": "Huawei",
  "hyper.sh": "Hyper",
  "ibm.com": "IBM",
  "intel.com": "Intel",
  "iscas.ac.cn": "Institute of Software, Chinese Academy of Sciences",
  "lingcage.com": "LingCage",
  "microsoft.com": "Microsoft",
  "nubificus.co.uk": "Nubificus",
  "nvidia.com": "NVIDIA",
  "oracle.com": "Oracle",
  "redhat.com": "Red Hat",
  "suse.com": "SUSE",
  "suse.de": "SUSE",
  "tencent.com": "Tencent",
  "vmware.com": "VMware",
};

// Webmail and personal-relay providers say nothing about an employer.
const PERSONAL_DOMAINS = new Set([
  "126.com",
  "163.com",
  "fastmail.com",
  "gmail.com",
  "googlemail.com",
  "hotmail.com",
  "icloud.com",
  "live.com",
  "mail.ru",
  "me.com",
  "outlook.com",
  "pm.me",
  "proton.me",
  "protonmail.com",
  "qq.com",
  "users.noreply.github.com",
  "yahoo.com",
  "yandex.ru",
]);

/**
 * The organisation behind an email's domain, or null for personal providers and
 * domains we do not know (a personal vanity domain must not become a "company").
 * Sub-domains count (linux.intel.com → Intel, uk.ibm.com → IBM).
 */
export function organisationForEmail(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const labels = email.slice(at + 1).toLowerCase().replace(/\.$/, "").split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join(".");
    if (PERSONAL_DOMAINS.has(domain)) return null;
    const organisation = ORGANISATION_BY_DOMAIN[domain];
    if (organisation) return organisation;
  }
  return null;
}
