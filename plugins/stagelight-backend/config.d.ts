import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Stagelight: inventory, status and readiness of every clinic's image-review stacks. */
  stagelight: {
    /**
     * Stages in promotion order. Defaults to dev, test, staging, prod with prod protected.
     * Environments tagged with a stage not listed here are ignored.
     */
    stages?: Array<{
      /** Stage name as it appears in the stage tag. */
      name: string;
      /** A protected stage is never put to sleep, whatever the caller's permissions. */
      protected?: boolean;
    }>;

    /** Where to look for environments in AWS. Credentials always come from the `aws` integration config. */
    aws: {
      /**
       * Send every AWS SDK client to this endpoint instead of AWS (a local moto_server
       * in development, e.g. http://127.0.0.1:4566), STS's AssumeRole into the
       * other accounts included. Leave unset in production.
       */
      endpoint?: string;
      /**
       * Accounts and regions to scan; required, at least one entry. The
       * backend does not start without it (there is no default account or
       * region), e.g. `targets: [{ regions: [eu-central-1] }]` for the main account.
       */
      targets: Array<{
        /**
         * Account id; omit for the main account. Other accounts need an
         * `aws.accounts` entry or `aws.accountDefaults.roleName` (the role is
         * assumed with the main account's credentials, or the entry's own
         * keys, session name `backstage`); the doctor (GET /doctor) says per
         * account whether that worked.
         */
        accountId?: string;
        /** Regions to scan in this account; at least one. */
        regions: string[];
      }>;
      /** Attempts per AWS call, retries included (adaptive retry mode). Default 4. */
      maxAttempts?: number;
      /** Upper bound of one HTTP request to AWS in milliseconds before it is retried. Default 10000. */
      requestTimeoutMs?: number;
      /** Concurrent AWS calls per service, account and region. Default 8. */
      concurrency?: number;
    };

    /** Tag keys; each defaults to the tag contract's key. */
    tags?: {
      app?: string;
      clinic?: string;
      stage?: string;
      component?: string;
      desiredCount?: string;
      /** On a service under Application Auto Scaling: its scalable target's bounds while it sleeps. */
      scalingBounds?: string;
      /** A tag holding the owning group's entity ref (e.g. group:default/radiology). */
      owner?: string;
    };

    /** How deploy readiness is probed. Only URLs derived from these settings or the environment's own tagged ALB are probed. */
    readiness?: {
      /**
       * Base URL of an environment's API with `{clinic}` and `{stage}` placeholders,
       * e.g. https://api.{stage}.{clinic}.example.com. Without it the DNS name of the
       * environment's tagged ALB is used (https://<dns>).
       */
      baseUrlTemplate?: string;
      /** Path of the version endpoint that answers `{"marker": "..."}`. Default /version. */
      path?: string;
      /** Timeout of one probe in seconds. Default 5. */
      probeTimeoutSeconds?: number;
      /** Seconds between probes while a pipeline waits for a marker. Default 5. */
      pollIntervalSeconds?: number;
      /** Wait used when a request names no timeoutSeconds. Default 60. */
      defaultWaitSeconds?: number;
      /** The longest wait a request may ask for. Default 300. */
      maxWaitSeconds?: number;
      /** Probe every environment's version endpoint on each refresh. Default true. */
      probeOnRefresh?: boolean;
    };

    /** Background refresh of the status snapshot. */
    refresh?: {
      /** How often the snapshot is rebuilt from AWS. Default 1 minute. */
      interval?: HumanDuration | string;
      /** Upper bound of one refresh. Default 5 minutes. */
      timeout?: HumanDuration | string;
      /** How long a replica serves its in-memory copy before checking the database for a newer snapshot, in seconds. Default 5. */
      memoryTtlSeconds?: number;
      /**
       * Re-read an environment (its ECS services, database and deploy marker)
       * as soon as a wake or sleep of it ends, instead of showing the old state
       * until the next refresh. Default true.
       */
      afterOperation?: boolean;
    };

    /** Wake and sleep: leases, locks, waits and default schedules. */
    power?: {
      /** Longest lease in hours ("wake for N hours", extensions included). Default 12. */
      maxLeaseHours?: number;
      /** Seconds a lock outlives its holder's last heartbeat; then another replica may resume the operation. Default 120. */
      lockTtlSeconds?: number;
      /** How long a wake waits for the database to become available. Default 1200. */
      dbAvailableTimeoutSeconds?: number;
      /** How long a wake waits for the deploy marker to be served. Default 600. */
      readyTimeoutSeconds?: number;
      /** Pause between polls while waiting for the database or the marker. Default 10. */
      pollIntervalSeconds?: number;
      /** How often the scheduler applies schedules (global scope). Default 1 minute. */
      applyInterval?: HumanDuration | string;
      /**
       * Warnings of a coming sleep, as Backstage notifications: to the holder of
       * a lease whose end puts the environment to sleep, and to whoever woke it
       * today (in the schedule's time zone) before its schedule does. Each is
       * sent once per sleep and user, across restarts and replicas. Protected
       * stages and environments on no schedule never sleep and are never warned about.
       */
      leaseWarning?: {
        /** How long before the sleep the warning is sent. Default 30 minutes. */
        before?: HumanDuration | string;
        /** How often the warning pass runs (global scope). Default 1 minute. */
        interval?: HumanDuration | string;
      };
      /** Default schedule per stage name; an environment's override (PUT .../schedule) replaces it. */
      schedules?: {
        [stage: string]: {
          /** IANA time zone, e.g. Europe/Berlin. */
          timeZone: string;
          /** Awake windows; an end at or before the start runs past midnight; end may be 24:00. */
          windows: Array<{
            days: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
            /** HH:MM local time. */
            start: string;
            /** HH:MM local time. */
            end: string;
          }>;
          /** Wake this many minutes before each window (0-240). */
          preWarmMinutes?: number;
          /** Whole local days forced awake or asleep (holidays). */
          exceptions?: Array<{
            date: string;
            state: 'awake' | 'asleep';
            note?: string;
          }>;
        };
      };
    };

    /**
     * Wake on commit: a GitHub push (topic `github.push` of the events backend's
     * GitHub module) wakes the environment its repository and branch deploy to,
     * with a lease, audited as actor `github:<pusher>`. Disabled when absent.
     */
    wakeOnCommit?: {
      /** Lease a push starts or extends to, in hours; at most `power.maxLeaseHours`. Default 2. */
      leaseHours?: number;
      /** Repository (`owner/repo`, as GitHub's `repository.full_name`) → clinic id. Others are ignored. */
      repositories?: { [repository: string]: string };
      /**
       * Branch → stage. Branches not listed are ignored.
       * Default dev→dev, test→test, staging→staging, main→prod.
       */
      branches?: { [branch: string]: string };
    };

    /** Cost per stage and clinic from AWS Cost Explorer (docs/architecture.md, "Cost"). */
    cost?: {
      /**
       * Account whose Cost Explorer is read (where the cost allocation tags are
       * activated, usually the management/payer account). Default: the main
       * account of the `aws` integration config.
       */
      accountId?: string;
      /** Cost Explorer region. Default us-east-1, Cost Explorer's only endpoint. */
      region?: string;
      /** Days of daily cost read and kept. Default 90, at most 365. */
      lookbackDays?: number;
      /** How long stored results are served before Cost Explorer is read again. Default 12 hours. */
      ttl?: HumanDuration | string;
      /**
       * Cost Explorer requests allowed per UTC day across all replicas (each page
       * counts; $0.01 each). Page views never exceed it. Default 24.
       */
      dailyRequestBudget?: number;
      /** Wait after a failed or refused refresh before trying again. Default 15 minutes. */
      retryAfter?: HumanDuration | string;
    };
  };
}
