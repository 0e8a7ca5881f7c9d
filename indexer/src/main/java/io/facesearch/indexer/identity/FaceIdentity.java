package io.facesearch.indexer.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * The ids a face is enrolled with, derived from what the face is rather than from when or where it
 * was found, so every run of the indexer gives a face the same ids:
 *
 * <pre>
 * digest     = SHA-256( "facesearch-index-face 1" 0x00
 *                       photo's content hash (32 bytes)
 *                       'L' subject (UTF-8) 0x00      -- a labelled photo
 *                    or 'U' 0x00                      -- an unlabeled photo
 *                       face index (decimal, 0 = the main face) )
 * key        = base64url(digest), unpadded: 43 characters
 * request id = "ix1:" key                                             (47 characters)
 * subject id = the label, or for an unlabeled face "unlabeled:" key   (53 characters)
 * </pre>
 *
 * <p>The request id is the server's idempotency key: a face sent again, after a crash between the
 * server's acknowledgement and the journal's record of it, or from a re-packed copy of the archive,
 * or as a second copy of a photo under another name, is answered from the first enrolment and
 * never stored twice. The subject is part of the digest so that relabelling a photo enrols it under
 * its new subject instead of silently answering with the old one.
 *
 * <p>Unlabeled faces each get a subject of their own ("unlabeled:" and the face's key), since the
 * server requires a subject and one person per face is the honest default before clustering; the
 * {@code unlabeled:} prefix is reserved for them.
 */
public record FaceIdentity(String requestId, String subjectId) {
    /** Prefix of the subjects given to unlabeled faces. */
    public static final String UNLABELED_PREFIX = "unlabeled:";
    /** Prefix of every request id; the digit is this scheme's version. */
    public static final String REQUEST_PREFIX = "ix1:";
    private static final byte[] DOMAIN = "facesearch-index-face 1\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param photo the photo's content hash
     * @param subject the photo's label, or null for an unlabeled photo
     * @param faceIndex the face's rank by size in its photo, from 0
     */
    public static FaceIdentity of(ContentHash photo, String subject, int faceIndex) {
        Objects.requireNonNull(photo, "photo");
        if (faceIndex < 0) {
            throw new IllegalArgumentException("face index must be >= 0, got " + faceIndex);
        }
        MessageDigest sha = ContentHash.sha256();
        sha.update(DOMAIN);
        sha.update(photo.bytes());
        if (subject == null) {
            sha.update((byte) 'U');
        } else {
            sha.update((byte) 'L');
            sha.update(subject.getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 0);
        sha.update(Integer.toString(faceIndex).getBytes(StandardCharsets.US_ASCII));
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        return new FaceIdentity(REQUEST_PREFIX + key, subject == null ? UNLABELED_PREFIX + key : subject);
    }
}
