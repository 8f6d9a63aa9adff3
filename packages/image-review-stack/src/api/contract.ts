/**
 * The API service's HTTP contract, shared with the ingest Lambda (type-only, so
 * nothing of the service ends up in the Lambda bundle).
 */

/**
 * `GET /version`: the deploy marker the pipeline and the portal wait for.
 *
 * @public
 */
export interface VersionResponse {
  marker: string;
}

/**
 * `POST /images`: the ingest Lambda registers an archived upload.
 *
 * @public
 */
export interface RegisterImageRequest {
  /** The upload's folder below the clinic prefix; images in one folder form an image set. */
  imageSetPath: string;
  source: {
    bucket: string;
    key: string;
    versionId?: string;
    etag?: string;
    size: number;
  };
  archive: { bucket: string; key: string; versionId?: string };
}

/** @public */
export interface ImageSet {
  id: string;
  path: string;
  createdAt: string;
}

/** @public */
export interface Image {
  id: string;
  imageSetId: string;
  sourceBucket: string;
  sourceKey: string;
  sourceVersionId: string;
  archiveBucket: string;
  archiveKey: string;
  archiveVersionId: string | null;
  size: number;
  registeredAt: string;
}

/**
 * 201 when the image is new, 200 when this object version was registered before.
 *
 * @public
 */
export interface RegisterImageResponse {
  image: Image;
  imageSet: ImageSet;
  /** True only for the registration that created the image set: the one that notifies reviewers. */
  imageSetCreated: boolean;
}

/**
 * `GET /images?imageSetId=&limit=`
 *
 * @public
 */
export interface ListImagesResponse {
  items: Image[];
}
