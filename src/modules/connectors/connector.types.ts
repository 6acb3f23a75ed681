import { Field, InputType, Int, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { JobState } from "../../jobs/entities/job.entity";
import { ConnectorInfo } from "../../plugin/connector.service";

@ObjectType({ description: "A named job a connector can run" })
export class ConnectorOperation {
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType({ description: "One setting of a connector. Secrets are write-only: isSet tells whether one is stored, value is always null" })
export class ConnectorSetting {
  @Field() key: string;
  @Field({ description: "STRING, URL, BOOLEAN, NUMBER, LIST, OBJECT, ENUM or ANY" }) kind: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() required: boolean;
  @Field() secret: boolean;
  @Field() isSet: boolean;
  @Field(() => GraphQLJSON, { nullable: true, description: "The stored value (null for secrets and unset settings)" }) value: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: "The value used when none is stored (null: no default)" }) default: unknown;
}

@ObjectType({ description: "An installed connector plugin as the caller's brand sees it" })
export class Connector {
  @Field() name: string;
  @Field() version: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field({ description: "The Brand.modules entry that enables it" }) module: string;
  @Field({ description: "Enabled for this brand" }) enabled: boolean;
  @Field({ description: "Every required setting is set and valid" }) settingsComplete: boolean;
  @Field(() => [String], { description: "Required settings that are missing or invalid" }) missingSettings: string[];
  @Field(() => [ConnectorOperation]) operations: ConnectorOperation[];
  /** Kept for the settings field resolver (not in the schema). */
  info: ConnectorInfo;

  static from(info: ConnectorInfo): Connector {
    const c = new Connector();
    const p = info.plugin;
    Object.assign(c, {
      name: p.name,
      version: p.version,
      description: p.description ?? null,
      module: p.module ?? p.name,
      enabled: info.enabled,
      settingsComplete: info.settingsComplete,
      missingSettings: info.missingSettings,
      info,
      operations: Object.entries(p.operations ?? {}).map(([name, op]) => ({ name, description: op.description ?? null })),
    });
    return c;
  }
}

@InputType()
export class StartSyncInput {
  @Field() connector: string;
  @Field() operation: string;
  @Field(() => Boolean, { nullable: true, description: "Compute and report without changing anything" }) dryRun?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Ignore the incremental state and do everything again" }) full?: boolean | null;
}

@InputType()
export class JobFilter {
  @Field(() => String, { nullable: true }) connector?: string | null;
  @Field(() => String, { nullable: true }) operation?: string | null;
  @Field(() => [JobState], { nullable: true }) states?: JobState[] | null;
}

@InputType({ description: "One setting to write: a value sets it, null clears it" })
export class ConnectorSettingInput {
  @Field() key: string;
  @Field(() => GraphQLJSON, { nullable: true }) value?: unknown;
}

@InputType()
export class JobScheduleInput {
  @Field() connector: string;
  @Field() operation: string;
  @Field(() => Int, { description: "Minutes between runs (1 to 10080)" }) intervalMinutes: number;
  @Field(() => Boolean, { nullable: true, description: "Default true" }) enabled?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Run full instead of incremental (default false)" }) full?: boolean | null;
}
