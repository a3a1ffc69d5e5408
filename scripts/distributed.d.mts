export interface DistributedPorts {
  smtp: number;
  inbox: number;
  web: number;
  gateway: number;
  auth: number;
  user: number;
  project: number;
  comms: number;
  authOps: number;
  userOps: number;
  projectOps: number;
  commsOps: number;
  /** The payment sandbox; a free port when left out. */
  paymentSandbox?: number;
}
export declare const defaultPorts: DistributedPorts;
export type ServiceName = 'auth' | 'user' | 'project' | 'comms';
/** Variables for one process, or a function of the variables it would otherwise get. */
export type EnvOverride = Record<string, string> | ((env: Record<string, string>) => Record<string, string>);
export interface DistributedPlatform {
  ports: DistributedPorts;
  /** `gateway`: the gateway, or the entry proxy in front of several; `gateways`: each one directly. */
  urls: { gateway: string; gateways: string[]; inbox: string; web: string; paymentSandbox: string };
  /** Each service's database URL, direct (not through any override). */
  databases: Record<ServiceName, string>;
  /** Process names in start order, replicas included (`comms-service`, `comms-service-2`, …). */
  names(): string[];
  pid(name: string): number | undefined;
  output(): string;
  kill(name: string): Promise<void>;
  /** SIGTERM to one process; resolves when it exited (it drains first). */
  terminate(name: string): Promise<void>;
  /** Starts a stopped or killed process again with the same ports and variables. */
  start(name: string): Promise<void>;
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}
export declare function runDistributed(): Promise<void>;
export declare function startDistributed(options?: {
  env?: Record<string, string | undefined>;
  ports?: DistributedPorts;
  output?: 'inherit' | 'ignore' | 'capture';
  /** How many processes of a service to run (default 1 each). */
  replicas?: Partial<Record<ServiceName, number>>;
  /** How many gateways (default 1); with more, the entry proxy takes `ports.gateway`. */
  gateways?: number;
  /**
   * Variables of one process, applied last: by short name (`comms`, all its replicas), by process
   * name (`comms-service`, `comms-service-2`, `gateway`, `smtp-inbox`), the more specific winning.
   */
  overrides?: Partial<Record<string, EnvOverride>>;
}): Promise<DistributedPlatform>;
