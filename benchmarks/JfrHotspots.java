import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples ({@code jdk.ExecutionSample}) fall: the top self frames (the method that
 * was running) and, per area (package prefix), the share of samples whose stack passes through it at least
 * once. Run by benchmarks/profile.sh: {@code java JfrHotspots.java recording.jfr [top]}.
 */
public class JfrHotspots {

    private static final List<String> AREAS = List.of(
            "dev.carmarket.", "reactor.core.", "reactor.netty.", "io.netty.", "io.r2dbc.", "org.springframework.r2dbc.",
            "org.springframework.web.", "org.springframework.http.", "io.micrometer.context.", "io.micrometer.observation.",
            "io.micrometer.core.", "tools.jackson.", "ch.qos.logback.", "org.slf4j.", "java.util.concurrent.",
            "java.lang.invoke.", "java.util.regex.");

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> area = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                AREAS.stream().filter(type::startsWith).forEach(seen::add);
            }
            seen.forEach(prefix -> area.merge(prefix, 1, Integer::sum));
        }
        int total = samples;
        System.out.printf("%d CPU samples%n%nshare of samples whose stack passes through (inclusive):%n", total);
        area.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / total, entry.getKey()));
        System.out.printf("%ntop %d self frames:%n", top);
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / total, entry.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
