package io.facesearch.indexer.run;

/** A dry run: every face counts as stored the moment it is ready; nothing leaves the machine. */
final class DryRunSink implements FaceSink {
    private final SinkListener listener;

    DryRunSink(SinkListener listener) {
        this.listener = listener;
    }

    @Override
    public void send(OutgoingPhoto photo) {
        listener.stored(photo.photo(), photo.faces().size(), 0);
    }

    @Override
    public void finish() {
        // Nothing in flight.
    }

    @Override
    public void abandon() {
        // Nothing in flight.
    }
}
