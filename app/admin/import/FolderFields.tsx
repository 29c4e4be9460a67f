"use client";

import { useState } from "react";
import { hint, input, label } from "@/components/ui";

// Chromium's folder picker; React passes the attribute through but its types do not list it.
const folderPicker = { webkitdirectory: "" } as object;

/**
 * The upload's fields. Picking a folder fills in its name from the files'
 * relative paths (the server reads it from the uploaded names when the browser
 * sends them, and falls back to this field when it does not).
 */
export function FolderFields() {
  const [folderName, setFolderName] = useState("");
  const nameFrom = (files: FileList | null) => {
    const path = files?.[0]?.webkitRelativePath ?? "";
    if (path.includes("/")) setFolderName(path.split("/")[0]);
  };
  return (
    <>
      <div>
        <label htmlFor="folder" className={label}>
          Election folder
        </label>
        <input id="folder" name="files" type="file" multiple {...folderPicker} aria-describedby="folder-hint" className={`${input} mt-1`} onChange={(e) => nameFrom(e.currentTarget.files)} />
        <p id="folder-hint" className={hint}>
          A folder such as <code>arch-committee-2018-09</code>: its <code>README.md</code> (seats and dates) and one <code>.txt</code> or <code>.md</code> declaration per
          candidate. At most 200 text files of 256 KiB each, 5 MiB in all.
        </p>
      </div>
      <div>
        <label htmlFor="loose-files" className={label}>
          Or choose its files
        </label>
        <input id="loose-files" name="files" type="file" multiple accept=".md,.txt,.markdown,text/plain,text/markdown" className={`${input} mt-1`} />
      </div>
      <div>
        <label htmlFor="folderName" className={label}>
          Folder name
        </label>
        <input id="folderName" name="folderName" value={folderName} onChange={(e) => setFolderName(e.target.value)} maxLength={200} aria-describedby="folderName-hint" className={`${input} mt-1`} />
        <p id="folderName-hint" className={hint}>
          Named in error messages; its year dates the schedule when the README leaves the year out.
        </p>
      </div>
    </>
  );
}
