// The code under test in the throwaway consumer: an app function a user writes with the generated client.
// It lists a group's members and adds one unless already there; production passes a client on the real
// Graph, the test one on the mock.
import type { GraphClient } from "PACKAGE/client/index";

/** Adds the user to the group unless already a member; answers the members' names before the change. */
export async function addMemberOnce(graph: GraphClient, groupId: string, userId: string): Promise<string[]> {
  const members = graph.groups.byId(groupId).members;
  const names: string[] = [];
  let present = false;
  for await (const member of members.listAll()) {
    present ||= member.id === userId;
    const name = "displayName" in member ? member.displayName : undefined;
    names.push(typeof name === "string" ? name : (member.id ?? "?"));
  }
  if (!present) await members.addRef(userId);
  return names;
}
