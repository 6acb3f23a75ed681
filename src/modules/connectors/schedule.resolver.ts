import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { RequestContext, brandOf } from "../../api/context";
import { parseId } from "../../api/ids";
import { JobSchedule } from "../../jobs/entities/job-schedule.entity";
import { JobScheduleInput } from "./connector.types";

@Resolver(() => JobSchedule)
export class JobScheduleResolver {
  @Authorized()
  @Query(() => [JobSchedule], { description: "The brand's recurring connector runs" })
  jobSchedules(@Ctx() ctx: RequestContext): Promise<JobSchedule[]> {
    return ctx.services.schedules.list(brandOf(ctx));
  }

  @Authorized("EDITOR")
  @Mutation(() => JobSchedule, { description: "Creates or replaces the schedule of one operation (next run: one interval from now)" })
  setJobSchedule(@Arg("input") input: JobScheduleInput, @Ctx() ctx: RequestContext): Promise<JobSchedule> {
    return ctx.services.schedules.set(brandOf(ctx), input);
  }

  @Authorized("EDITOR")
  @Mutation(() => Boolean)
  removeJobSchedule(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.services.schedules.remove(brandOf(ctx), parseId(id));
  }
}
