import {
  imageSetPathOf,
  MalformedMessageError,
  parseUploadMessage,
} from './uploadMessage';

const s3Event = (
  object: Record<string, unknown>,
  eventName = 'ObjectCreated:Put',
) =>
  JSON.stringify({
    Records: [
      {
        eventSource: 'aws:s3',
        eventName,
        s3: { bucket: { name: 'uploads' }, object },
      },
    ],
  });

describe('parseUploadMessage', () => {
  it('reads bucket, decoded key, version and ETag of each created object', () => {
    expect(
      parseUploadMessage(
        s3Event({
          key: 'northwind/visit+1/%C3%A9+left.jpg',
          size: 5,
          eTag: 'abc',
          versionId: 'v1',
        }),
      ),
    ).toEqual({
      kind: 'objects-created',
      objects: [
        {
          bucket: 'uploads',
          key: 'northwind/visit 1/é left.jpg',
          size: 5,
          etag: 'abc',
          versionId: 'v1',
        },
      ],
    });
  });

  it('decodes keys whose slashes are encoded too', () => {
    const message = parseUploadMessage(
      s3Event({ key: 'northwind%2Fa%2Fb.jpg', size: 1 }),
    );
    expect(message.kind === 'objects-created' && message.objects[0].key).toBe(
      'northwind/a/b.jpg',
    );
  });

  it('recognises the s3:TestEvent S3 sends when the notification is set up', () => {
    expect(
      parseUploadMessage(
        JSON.stringify({ Event: 's3:TestEvent', Bucket: 'uploads' }),
      ),
    ).toEqual({
      kind: 'test-event',
    });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['no records', JSON.stringify({ Records: [] }), /no S3 event records/],
    [
      'a removal',
      s3Event({ key: 'k', size: 1 }, 'ObjectRemoved:Delete'),
      /not an object creation/,
    ],
    [
      'a record without a size',
      s3Event({ key: 'k' }),
      /lacks bucket, key or size/,
    ],
    [
      'another source',
      JSON.stringify({ Records: [{ eventSource: 'aws:sns', eventName: 'x' }] }),
      /not an S3 event/,
    ],
  ])('rejects %s as malformed', (_what, body, message) => {
    expect(() => parseUploadMessage(body)).toThrow(MalformedMessageError);
    expect(() => parseUploadMessage(body)).toThrow(message);
  });
});

describe('imageSetPathOf', () => {
  const filter = { prefix: 'northwind/', suffix: '.jpg' };

  it('groups images by their folder below the prefix', () => {
    expect(imageSetPathOf('northwind/visit-1/a.jpg', filter)).toBe(
      'northwind/visit-1',
    );
    expect(imageSetPathOf('northwind/2026/visit-1/a.jpg', filter)).toBe(
      'northwind/2026/visit-1',
    );
  });

  it('makes an image directly under the prefix a set of its own', () => {
    expect(imageSetPathOf('northwind/a.jpg', filter)).toBe('northwind/a');
  });

  it('rejects keys outside the filter', () => {
    expect(() => imageSetPathOf('other/a.jpg', filter)).toThrow(
      MalformedMessageError,
    );
    expect(() => imageSetPathOf('northwind/a.png', filter)).toThrow(
      MalformedMessageError,
    );
  });
});
