import { createUnionType, Field, InterfaceType, ObjectType } from "type-graphql";
import { Job } from "../../jobs/entities/job.entity";

/** An expected business failure, returned (not thrown) so clients can branch on it. */
@InterfaceType({ description: "An expected failure returned as data: a stable code and a message" })
export abstract class ErrorResult {
  @Field() errorCode: string;
  @Field() message: string;
}

@ObjectType({ implements: ErrorResult, description: "The brand has not enabled this connector (Brand.modules)" })
export class ConnectorNotEnabledError extends ErrorResult {
  @Field() connector: string;
  constructor(connector = "") {
    super();
    this.errorCode = "CONNECTOR_NOT_ENABLED";
    this.connector = connector;
    this.message = `The ${connector} connector is not enabled for this brand: an ADMIN can enable it (enableConnector)`;
  }
}

@ObjectType({ implements: ErrorResult, description: "Required connector settings are missing or invalid" })
export class SettingsIncompleteError extends ErrorResult {
  @Field() connector: string;
  @Field(() => [String]) missing: string[];
  constructor(connector = "", missing: string[] = []) {
    super();
    this.errorCode = "SETTINGS_INCOMPLETE";
    this.connector = connector;
    this.missing = missing;
    this.message = `The ${connector} connector's settings are incomplete: ${missing.join(", ")}`;
  }
}

@ObjectType({ implements: ErrorResult, description: "The same operation is already queued or running for this brand" })
export class AlreadyRunningError extends ErrorResult {
  @Field(() => Job, { nullable: true, description: "The job that is queued or running" }) job: Job | null;
  constructor(job: Job | null = null, connector = "", operation = "") {
    super();
    this.errorCode = "ALREADY_RUNNING";
    this.job = job;
    this.message = `${connector} ${operation} is already ${job ? `${job.state.toLowerCase()} (job ${job.id})` : "running"}`;
  }
}

export const StartSyncResult = createUnionType({
  name: "StartSyncResult",
  types: () => [Job, ConnectorNotEnabledError, SettingsIncompleteError, AlreadyRunningError] as const,
  // No custom resolveType: type-graphql's default matches by class, synchronously (graphql-jit needs a sync one).
});

export type StartSyncOutcome = Job | ConnectorNotEnabledError | SettingsIncompleteError | AlreadyRunningError;
