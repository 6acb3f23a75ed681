import { Arg, Authorized, ID, Resolver, Root, Subscription, SubscribeResolverData } from "type-graphql";
import { RequestContext, brandOf } from "../../api/context";
import { notFound } from "../../api/errors";
import { parseId } from "../../api/ids";
import { Job } from "../../jobs/entities/job.entity";
import { jobUpdates } from "../../jobs/job-events";
import { fromSnapshot, JobSnapshot } from "../../jobs/job-snapshot";

type Data = SubscribeResolverData<unknown, Record<string, unknown>, RequestContext>;

/** Live jobs over graphql-ws: brand-scoped (a token only ever sees its own brand's jobs). */
@Resolver()
export class JobSubscriptionResolver {
  @Authorized()
  @Subscription(() => Job, {
    description: "The job's current state, then every change (progress at most ~10 a second); completes after the terminal state",
    subscribe: async ({ args, context }: Data) => {
      const brandId = brandOf(context);
      const id = parseId(args.id as string);
      const jobs = context.services.jobs;
      const first = await jobs.snapshot(brandId, id);
      if (!first) throw notFound("Job", id);
      return jobUpdates(jobs.events, id, () => jobs.snapshot(brandId, id));
    },
  })
  jobUpdated(@Arg("id", () => ID) _id: string, @Root() snapshot: JobSnapshot): Job {
    return fromSnapshot(snapshot);
  }

  @Authorized()
  @Subscription(() => Job, {
    description: "Every change of every job of the brand (optionally one connector's)",
    subscribe: ({ args, context }: Data) => {
      const brandId = brandOf(context);
      const connector = (args.connector as string | null | undefined) ?? null;
      return filtered(context.services.jobs.events.feed(brandId), (s) => s.brandId === brandId && (!connector || s.connector === connector));
    },
  })
  jobFeed(@Arg("connector", () => String, { nullable: true }) _connector: string | null, @Root() snapshot: JobSnapshot): Job {
    return fromSnapshot(snapshot);
  }
}

async function* filtered(source: AsyncIterable<JobSnapshot>, keep: (s: JobSnapshot) => boolean): AsyncGenerator<JobSnapshot> {
  for await (const s of source) if (keep(s)) yield s;
}
