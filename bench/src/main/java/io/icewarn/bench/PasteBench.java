package io.icewarn.bench;

import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.Decoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@code Decoder.decode} of a typical paste: each of the six sample pastes, and two Teams Direct Routing
 * pastes ({@code t03} the admin center's detail lines, {@code t11} a 403 with a Q.850 Reason).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PasteBench {
    @Param({"01", "02", "03", "04", "05", "06", "t03", "t11"})
    public String sample;

    private Decoder decoder;
    private String paste;

    @Setup
    public void setUp() {
        decoder = Decoder.standard();
        paste = Samples.paste(sample);
    }

    @Benchmark
    public DecodeResult decodePaste() {
        return decoder.decode(paste);
    }
}
