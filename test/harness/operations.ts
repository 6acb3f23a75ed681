/**
 * The GraphQL operations tests share, each with the types of its variables and its result, so a test reads
 * `await client.run(START_SYNC, { input })` and gets typed data. Operations only one test uses stay in that test.
 */

/** A GraphQL document tagged with its variables' and result's types (run with `GraphQLClient.run`). */
export interface Operation<TData, TVars> {
  readonly document: string;
  /** Types only: never set. */
  readonly __types?: (vars: TVars) => TData;
}

const op = <TData, TVars = Record<never, never>>(document: string): Operation<TData, TVars> => ({ document });

export interface SettingValue {
  key: string;
  value: unknown;
}
/** `{ a: 1 }` → `[{ key: "a", value: 1 }]`, the shape of ConnectorSettingInput. */
export const settingValues = (values: Record<string, unknown>): SettingValue[] => Object.entries(values).map(([key, value]) => ({ key, value }));

// connectors

export const ENABLE_CONNECTOR = op<{ enableConnector: { enabled: boolean } }, { name: string }>(
  `mutation($name: String!) { enableConnector(name: $name) { enabled } }`,
);

export const UPDATE_CONNECTOR_SETTINGS = op<
  { updateConnectorSettings: { name: string; settingsComplete: boolean; missingSettings: string[] } },
  { connector: string; values: SettingValue[] }
>(`mutation($connector: String!, $values: [ConnectorSettingInput!]!) {
  updateConnectorSettings(connector: $connector, values: $values) { name settingsComplete missingSettings } }`);

// jobs

export type JobState = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

export const JOB_FIELDS = `id connector operation state progress processed total failed dryRun attempts error summary createdAt startedAt finishedAt updatedAt`;

export interface JobFields {
  id: string;
  connector: string;
  operation: string;
  state: JobState;
  progress: number;
  processed: number;
  total: number | null;
  failed: number;
  dryRun: boolean;
  attempts: number;
  error: string | null;
  summary: any;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

export interface StartSyncInput {
  connector: string;
  operation: string;
  dryRun?: boolean;
  full?: boolean;
  [k: string]: unknown;
}

export type StartSyncResult =
  | ({ __typename: "Job" } & JobFields)
  | { __typename: "SettingsIncompleteError"; errorCode: string; message: string; missing: string[] }
  | { __typename: "AlreadyRunningError"; errorCode: string; message: string; job: { id: string; state: JobState } }
  | { __typename: "ConnectorNotEnabledError"; errorCode: string; message: string };

export const START_SYNC = op<{ startSync: StartSyncResult }, { input: StartSyncInput }>(`mutation($input: StartSyncInput!) { startSync(input: $input) {
  __typename
  ... on Job { ${JOB_FIELDS} }
  ... on ErrorResult { errorCode message }
  ... on SettingsIncompleteError { missing }
  ... on AlreadyRunningError { job { id state } }
} }`);

export const JOB = op<{ job: JobFields }, { id: string }>(`query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`);

export interface JobIssue {
  entity: string;
  key: string;
  code: string;
  message: string;
}
export const JOB_ISSUES = op<{ job: { issues: { edges: { node: JobIssue }[] } } }, { id: string }>(
  `query($id: ID!) { job(id: $id) { issues(first: 500) { edges { node { entity key code message } } } } }`,
);

export interface JobLog {
  level: string;
  message: string;
}
export const JOB_LOGS = op<{ job: { logs: { edges: { node: JobLog }[] } } }, { id: string }>(
  `query($id: ID!) { job(id: $id) { logs(first: 500) { edges { node { level message } } } } }`,
);

export const CANCEL_JOB = op<{ cancelJob: { id: string; state: JobState } }, { id: string }>(`mutation($id: ID!) { cancelJob(id: $id) { id state } }`);

// identity

export type Role = "ADMIN" | "EDITOR" | "VIEWER";

export const CREATE_USER = op<{ createUser: { id: string } }, { input: { name: string; email: string; role: Role } }>(
  `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
);

export const CREATE_API_TOKEN = op<{ createApiToken: { token: string; apiToken: { id: string } } }, { userId: string; name: string }>(
  `mutation($userId: ID!, $name: String!) { createApiToken(userId: $userId, name: $name) { token apiToken { id } } }`,
);

export const API_TOKENS = op<{ apiTokens: { id: string; name: string; prefix: string; revokedAt: string | null }[] }>(
  `{ apiTokens { id name prefix revokedAt } }`,
);

export const REVOKE_API_TOKEN = op<{ revokeApiToken: { id: string; revokedAt: string | null } }, { id: string }>(
  `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`,
);
