// Where each docs page lives in the site and how pages link to each other: every link is relative, so
// the site works from file://, from a subfolder of any static host, and as Markdown in a repository.
export type PageFormat = "html" | "md";

/** A page's path inside the site without its extension: `permissions/APIConnectors.ReadWrite.All`. */
export type PagePath = string;

/** Every page of the site by what it documents; names that only differ in case get distinct files. */
export interface SitePages {
  /** Undefined for a type the site has no page for. */
  type(fullName: string): PagePath | undefined;
  permission(name: string): PagePath;
  path(template: string): PagePath;
}

export function sitePages(types: readonly string[], permissions: readonly string[], templates: readonly string[]): SitePages {
  const taken = new Set<string>();
  const assign = (names: readonly string[], page: (name: string) => PagePath) => {
    const pages = new Map<string, PagePath>();
    for (const name of [...names].sort()) {
      // Windows and macOS file systems ignore case: `Calls.JoinGroupCallAsGuest.All` and
      // `Calls.JoinGroupCallasGuest.All` are both Graph permissions.
      let path = page(name);
      for (let n = 2; taken.has(path.toLowerCase()); n++) path = `${page(name)}-${n}`;
      taken.add(path.toLowerCase());
      pages.set(name, path);
    }
    return pages;
  };
  const typePages = assign(types, (name) => `types/${fileSafe(name)}`);
  const permissionPages = assign(permissions, (name) => `permissions/${fileSafe(name)}`);
  const pathPages = assign(templates, requestPathPage);
  return {
    type: (fullName) => typePages.get(fullName),
    permission: (name) => permissionPages.get(name) ?? `permissions/${fileSafe(name)}`,
    path: (template) => pathPages.get(template) ?? requestPathPage(template),
  };
}

/**
 * `/identity/apiConnectors/{identityApiConnector-id}` -> `paths/identity/apiConnectors/{id}`: one folder per
 * segment; a drive item's path (`/drives/{drive-id}/root:/{item-path}:`) -> `paths/drives/{id}/root/{path}`.
 */
function requestPathPage(template: string): PagePath {
  const page = (s: string) => (s === "{item-path}" ? "{path}" : s.startsWith("{") ? "{id}" : fileSafe(s));
  // `root:/{item-path}:` -> `root/{path}`: the colons only mark where the path starts and ends.
  const segments = template.split("/").filter((s) => s !== "").map((s) => page(s.replace(/:$/, "")));
  return `paths/${segments.join("/")}`;
}

export const INDEX_PAGE: PagePath = "index";

/** The link from one page to another, in the given format: `../types/microsoft.graph.identity.html`. */
export function linkFrom(from: PagePath, to: PagePath, format: PageFormat): string {
  // Folder to folder, then the file: a page may share its name with the folder of the pages below it.
  // Page paths are plain (no `.` or `..` segments), so a common prefix is all node:path would work out.
  const fromFolders = from.split("/").slice(0, -1);
  const toSegments = to.split("/");
  const toFolders = toSegments.slice(0, -1);
  let common = 0;
  while (common < fromFolders.length && common < toFolders.length && fromFolders[common] === toFolders[common]) common++;
  const up = "../".repeat(fromFolders.length - common);
  const down = toFolders.slice(common).map((folder) => `${folder}/`).join("");
  return encodeURI(`${up}${down}${toSegments.at(-1)}.${format}`);
}

/** The relative prefix from a page up to the site root (`../../`), for assets. */
export function rootFrom(from: PagePath): string {
  const depth = from.split("/").length - 1;
  return "../".repeat(depth);
}

/** Keeps names readable as file names while refusing anything that could leave the folder or clash on Windows. */
function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._{}-]/g, "_").replace(/^\.+/, "_");
}
