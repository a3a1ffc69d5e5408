import { describe, expect, it } from 'vitest';
import { channelTargetOf } from './grpc-target.js';

describe('channelTargetOf', () => {
  it('keeps one host:port as it is', () => {
    expect(channelTargetOf('127.0.0.1:50051')).toBe('127.0.0.1:50051');
    expect(channelTargetOf('auth-service:50051')).toBe('auth-service:50051');
    expect(channelTargetOf('[::1]:50051')).toBe('[::1]:50051');
  });

  it('turns a list of IP literals into one ipv4: or ipv6: target', () => {
    expect(channelTargetOf('127.0.0.1:50051, 127.0.0.1:50061')).toBe('ipv4:127.0.0.1:50051,127.0.0.1:50061');
    expect(channelTargetOf('[::1]:50051,[::1]:50061')).toBe('ipv6:[::1]:50051,[::1]:50061');
  });

  it('passes targets with a scheme through', () => {
    expect(channelTargetOf('dns:///auth-service-headless:50051')).toBe('dns:///auth-service-headless:50051');
    expect(channelTargetOf('ipv4:10.0.0.1:1,10.0.0.2:1')).toBe('ipv4:10.0.0.1:1,10.0.0.2:1');
  });

  it('refuses a list of host names, which one channel cannot resolve', () => {
    expect(() => channelTargetOf('a:1,b:1')).toThrow(/one DNS name/);
  });
});
