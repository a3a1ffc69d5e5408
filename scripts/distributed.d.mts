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
}
export declare const defaultPorts: DistributedPorts;
export interface DistributedPlatform {
  ports: DistributedPorts;
  urls: { gateway: string; inbox: string; web: string };
  pid(name: string): number | undefined;
  output(): string;
  kill(name: string): Promise<void>;
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}
export declare function runDistributed(): Promise<void>;
export declare function startDistributed(options?: {
  env?: Record<string, string | undefined>;
  ports?: DistributedPorts;
  output?: 'inherit' | 'ignore' | 'capture';
}): Promise<DistributedPlatform>;
