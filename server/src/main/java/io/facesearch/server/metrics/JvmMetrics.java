package io.facesearch.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * Micrometer's JVM and process meters beside the product's: memory pools and buffers
 * ({@code jvm_memory_used_bytes}), garbage collection pauses, threads, class loading, CPU
 * ({@code process_cpu_usage}, {@code system_cpu_usage}) and uptime. Closing it stops listening
 * to GC notifications.
 */
public final class JvmMetrics implements AutoCloseable {
    private final JvmGcMetrics gc;

    private JvmMetrics(JvmGcMetrics gc) {
        this.gc = gc;
    }

    public static JvmMetrics bindTo(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new JvmMetrics(gc);
    }

    @Override
    public void close() {
        gc.close();
    }
}
