import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { AwsClientFactory } from './AwsClientFactory';
import { AwsLocation } from './AwsLocation';

export interface FunctionInfo {
  arn: string;
  name: string;
  runtime: string | null;
  state: string | null;
  lastModified: string | null;
  memoryMb: number | null;
}

/** Lambda: every function of a region, 50 per page, instead of one GetFunction each. */
export class LambdaAdapter {
  constructor(private readonly factory: AwsClientFactory) {}

  async listFunctions(where: AwsLocation): Promise<Map<string, FunctionInfo>> {
    const out = new Map<string, FunctionInfo>();
    let marker: string | undefined;
    do {
      const command = new ListFunctionsCommand({
        MaxItems: 50,
        Marker: marker,
      });
      const page = await this.factory.call('lambda', where, c =>
        c.send(command),
      );
      for (const fn of page.Functions ?? []) {
        if (!fn.FunctionArn) continue;
        out.set(fn.FunctionArn, {
          arn: fn.FunctionArn,
          name: fn.FunctionName ?? '',
          runtime: fn.Runtime ?? null,
          state: fn.State ?? null,
          lastModified: fn.LastModified ?? null,
          memoryMb: fn.MemorySize ?? null,
        });
      }
      marker = page.NextMarker || undefined;
    } while (marker);
    return out;
  }
}
