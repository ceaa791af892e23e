package io.icewarn.decoder.scan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: times {@link DiagnosticScanner#scan} on 1 MB and 2 MB adversarial texts and prints the median
 * per text and size. A linear scanner shows roughly twice the time for twice the size. Run with the test
 * classpath, e.g. {@code java -cp decoder/target/classes:decoder/target/test-classes:$(cat cp.txt)
 * io.icewarn.decoder.scan.HostileInputBench}.
 */
public final class HostileInputBench {
    private static final int WARMUP = 15;
    private static final int RUNS = 11;

    private HostileInputBench() {}

    public static void main(String[] args) {
        int[] sizes = {1 << 20, 2 << 20};
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %7s %7s%n", "text", "1 MB (ms)", "2 MB (ms)", "ratio", "found");
        Map<String, String> one = HostileInput.texts(sizes[0]);
        Map<String, String> two = HostileInput.texts(sizes[1]);
        double total1 = 0;
        double total2 = 0;
        for (String name : one.keySet()) {
            double a = median(one.get(name));
            double b = median(two.get(name));
            int found = DiagnosticScanner.scan(two.get(name)).diagnostics().size();
            total1 += a;
            total2 += b;
            System.out.printf(Locale.ROOT, "%-30s %10.2f %10.2f %7.2f %7d%n", name, a, b, b / a, found);
        }
        System.out.printf(
                Locale.ROOT, "%-30s %10.2f %10.2f %7.2f%n", "sum of medians", total1, total2, total2 / total1);
        System.out.println("found = diagnostics in the 2 MB text; " + DiagnosticScanner.MAX_DIAGNOSTICS
                + " means the scan stopped at MAX_DIAGNOSTICS, so that row's time does not grow with size.");
    }

    private static double median(String text) {
        for (int i = 0; i < WARMUP; i++) {
            DiagnosticScanner.scan(text);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            ScanResult r = DiagnosticScanner.scan(text);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (r.diagnostics().size() > DiagnosticScanner.MAX_DIAGNOSTICS) {
                throw new IllegalStateException("cap exceeded");
            }
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
