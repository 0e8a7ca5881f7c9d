package io.facesearch.store.embedded.rocks;

import java.util.UUID;

/** One entry of a collection's change log: what happened to which face, in which order. */
public record Change(long sequence, Operation operation, UUID faceId) {

    public enum Operation {
        UPSERT(1), DELETE(2);

        private final int code;

        Operation(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Operation fromCode(int code) {
            return switch (code) {
                case 1 -> UPSERT;
                case 2 -> DELETE;
                default -> throw new IllegalArgumentException("unknown change operation " + code);
            };
        }
    }
}
