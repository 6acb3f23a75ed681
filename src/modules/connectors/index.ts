import { ConnectorResolver } from "./connector.resolver";
import { JobLogResolver, JobResolver } from "./job.resolver";
import { JobScheduleResolver } from "./schedule.resolver";
import { JobSubscriptionResolver } from "./job-subscription.resolver";

/** GraphQL of the plugin host: connectors, jobs (with logs and issues), schedules, live job subscriptions. */
export const connectorResolvers = [ConnectorResolver, JobResolver, JobLogResolver, JobScheduleResolver, JobSubscriptionResolver];
