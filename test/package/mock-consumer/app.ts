// The code under test in the throwaway consumer: an app function a user writes against Graph. It lists a
// group's members and adds one, through the `fetch` it is given (the mock's in tests, the global one in
// production), with the generated client for the typed parts.
import { createGraphClient } from "PACKAGE/client/index";

export interface GraphAccess {
  readonly fetch: typeof fetch;
  readonly getAccessToken: () => string | Promise<string>;
}

const GRAPH = "https://graph.microsoft.com/v1.0";

/** Adds the user to the group unless already a member; answers the members' names before the change. */
export async function addMemberOnce(access: GraphAccess, groupId: string, userId: string): Promise<string[]> {
  const graph = createGraphClient({ getAccessToken: access.getAccessToken, fetch: access.fetch });
  const group = await graph.groups.byId(groupId).get({ select: ["id", "displayName"] });
  const headers = { authorization: `Bearer ${await access.getAccessToken()}` };
  const url = `${GRAPH}/groups/${encodeURIComponent(group.id ?? groupId)}/members`;
  const page = (await (await access.fetch(`${url}?$select=id,displayName`, { headers })).json()) as {
    value: { id: string; displayName?: string | null }[];
  };
  if (!page.value.some((member) => member.id === userId)) {
    const body = JSON.stringify({ "@odata.id": `${GRAPH}/directoryObjects/${userId}` });
    const added = await access.fetch(`${url}/$ref`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
    if (added.status !== 204) throw new Error(`adding ${userId} to ${groupId} failed with ${added.status}`);
  }
  return page.value.map((member) => member.displayName ?? member.id);
}
