import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { RequestContext, brandOf, principalOf } from "../../api/context";
import { parseId } from "../../api/ids";
import { ConnectionType, OrderedPageArgs, Page } from "../../api/pagination";
import { Job, JobState } from "../../jobs/entities/job.entity";
import { JobIssue } from "../../jobs/entities/job-issue.entity";
import { JobLog } from "../../jobs/entities/job-log.entity";
import { JobFilter, StartSyncInput } from "./connector.types";
import { StartSyncOutcome, StartSyncResult } from "./job-results";

export const JobConnection = ConnectionType(Job);
export const JobLogConnection = ConnectionType(JobLog);
export const JobIssueConnection = ConnectionType(JobIssue);

@Resolver(() => Job)
export class JobResolver {
  @Authorized()
  @Query(() => JobConnection, { description: "The brand's jobs, oldest first (newestFirst: the latest first)" })
  jobs(
    @Args() page: OrderedPageArgs,
    @Arg("filter", () => JobFilter, { nullable: true }) filter: JobFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<Job>> {
    return ctx.services.jobs.list(brandOf(ctx), filter, page);
  }

  @Authorized()
  @Query(() => Job)
  job(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Job> {
    return ctx.services.jobs.get(brandOf(ctx), parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => StartSyncResult, { description: "Queues a connector operation (or says why not)" })
  startSync(@Arg("input") input: StartSyncInput, @Ctx() ctx: RequestContext): Promise<StartSyncOutcome> {
    return ctx.services.jobs.start(brandOf(ctx), input, { userId: principalOf(ctx).userId });
  }

  @Authorized("EDITOR")
  @Mutation(() => Job, { description: "Cancels a queued job at once; a running one stops at its next safe point" })
  cancelJob(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Job> {
    return ctx.services.jobs.cancel(brandOf(ctx), parseId(id));
  }

  @Authorized("EDITOR")
  @Mutation(() => StartSyncResult, { description: "Runs a FAILED or CANCELLED job again as a new job (retryOfId points back)" })
  retryJob(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<StartSyncOutcome> {
    return ctx.services.jobs.retry(brandOf(ctx), parseId(id), principalOf(ctx).userId);
  }

  @FieldResolver(() => Float, { description: "0..1: (processed + failed) / total; 1 once SUCCEEDED" })
  progress(@Root() job: Job): number {
    if (job.state === JobState.SUCCEEDED) return 1;
    if (!job.total) return 0;
    return Math.min(1, (job.processed + job.failed) / job.total);
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: "What the operation reported when it finished" })
  summary(@Root() job: Job): Record<string, unknown> | null {
    return job.summaryJson ? (JSON.parse(job.summaryJson) as Record<string, unknown>) : null;
  }

  @FieldResolver(() => JobLogConnection)
  logs(@Root() job: Job, @Args() page: OrderedPageArgs, @Ctx() ctx: RequestContext): Promise<Page<JobLog>> {
    brandOf(ctx);
    return ctx.services.jobs.logs(job.id, page);
  }

  @FieldResolver(() => JobIssueConnection, { description: "Per-record problems (the job went on)" })
  issues(@Root() job: Job, @Args() page: OrderedPageArgs, @Ctx() ctx: RequestContext): Promise<Page<JobIssue>> {
    brandOf(ctx);
    return ctx.services.jobs.issues(job.id, page);
  }
}

@Resolver(() => JobLog)
export class JobLogResolver {
  @FieldResolver(() => GraphQLJSONObject, { nullable: true })
  data(@Root() log: JobLog): Record<string, unknown> | null {
    return log.dataJson ? (JSON.parse(log.dataJson) as Record<string, unknown>) : null;
  }
}
