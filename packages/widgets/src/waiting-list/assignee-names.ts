import {getMe, listCoordinators, type CptsClient} from '@cpts-kit/sdk';

export interface AssigneeNames {
  /** The signed-in coordinator's name, the one « M'attribuer » and « assigned to me » use. */
  me: string | undefined;
  /** The territory's coordinators' names, suggested when assigning. */
  coordinators: string[];
}

/**
 * Who is signed in and who the coordinators are. Suggestions only: when the server cannot say
 * (an older one, a network fault) the name is typed as before, so the failure is not shown.
 */
export async function assigneeNames(client: CptsClient): Promise<AssigneeNames> {
  try {
    const [me, coordinators] = await Promise.all([getMe(client), listCoordinators(client)]);
    return {me: me.name, coordinators};
  } catch {
    return {me: undefined, coordinators: []};
  }
}
