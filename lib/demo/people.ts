// The demo's made-up people (lib/demo/seed-demo.ts). Every name, login and
// company here is fictional; the addresses use the reserved example.org domain.

export interface Person {
  key: string;
  name: string;
  login: string;
  affiliation?: string;
}

/** The instance admin (HUSTINGS_ADMINS defaults to her login in demo mode), also named admin of Beacon. */
export const ADMIN: Person = { key: "ada", name: "Ada Admin", login: "ada-admin" };
export const OFFICIAL: Person = { key: "olu", name: "Olu Official", login: "olu-official" };

/** Community admins who hold no instance role: each acts in their own community only. */
export const COMMUNITY_ADMINS: Person[] = [
  { key: "linnea", name: "Linnea Berg", login: "linnea-berg" },
  { key: "harriet", name: "Harriet Osei", login: "harriet-osei" },
];

export const CANDIDATES: Person[] = [
  { key: "priya", name: "Priya Raman", login: "priya-raman", affiliation: "Saltmarsh Computing" },
  { key: "hannah", name: "Hannah Okafor", login: "hokafor", affiliation: "Saltmarsh Computing" },
  { key: "mateo", name: "Mateo Silva", login: "mateo-silva", affiliation: "Quillfeather Labs" },
  { key: "samir", name: "Samir Haddad", login: "shaddad", affiliation: "Quillfeather Labs" },
  { key: "jonas", name: "Jonas Lindqvist", login: "jlindqvist", affiliation: "Nordlicht Data" },
  { key: "grace", name: "Grace Whitfield", login: "gwhitfield", affiliation: "Copperleaf Cloud" },
  { key: "mei", name: "Mei Tanaka", login: "mei-tanaka", affiliation: "none" },
];

export const VOTERS: Person[] = [
  { key: "vera", name: "Vera Voss", login: "vera-voss" },
  { key: "wen", name: "Wen Li", login: "wenli" },
  { key: "kofi", name: "Kofi Mensah", login: "kmensah" },
  { key: "lucia", name: "Lucía Moreno", login: "lucia-moreno" },
  { key: "tomasz", name: "Tomasz Nowak", login: "tnowak" },
  { key: "aiko", name: "Aiko Sato", login: "aiko-sato" },
  { key: "noah", name: "Noah Fischer", login: "nfischer" },
  { key: "ravi", name: "Ravi Iyer", login: "ravi-iyer" },
  { key: "elena", name: "Elena Petrova", login: "epetrova" },
  { key: "zara", name: "Zara Ahmed", login: "zara-ahmed" },
];

export const EVERYONE = [ADMIN, OFFICIAL, ...COMMUNITY_ADMINS, ...CANDIDATES, ...VOTERS];

/** Candidates and voters: the people on every demo roll (staff are added where they vote). */
export const EVERYONE_BUT_STAFF = [...CANDIDATES, ...VOTERS].map((p) => p.key);

export const emailOf = (p: Person) => `${p.key}@example.org`;
