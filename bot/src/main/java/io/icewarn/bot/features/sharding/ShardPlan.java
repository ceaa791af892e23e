package io.icewarn.bot.features.sharding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which Discord shards this process runs.
 *
 * <p>Three shapes:
 *
 * <ul>
 *   <li>{@link #all()}: every shard, with the total Discord recommends ({@code total == -1}). The default.
 *   <li>{@link #explicit(int, List)}: a fixed total and the listed ids.
 *   <li>{@link #forReplica(int, int, int)}: replica {@code index} of {@code replicas} processes sharing a fixed total
 *       owns one <b>contiguous block</b> of ids; blocks differ in size by at most one, lower indexes get the bigger
 *       ones. Contiguous blocks (not {@code id % replicas}) because consecutive ids fall into different login buckets
 *       ({@code id % max_concurrency}), so one pod can identify {@code max_concurrency} shards at once.
 * </ul>
 *
 * JDA ignores a shard list unless the total is fixed, so every plan that does not own all shards has {@code total >
 * 0}. Immutable and thread safe.
 *
 * @param total the total shard count across all processes, or {@code -1} for Discord's recommendation
 * @param ids the ids this process owns, ascending and distinct; empty only for {@link #all()}
 */
public record ShardPlan(int total, List<Integer> ids) {

    public static final String SHARDS_TOTAL = "ICEWARN_SHARDS_TOTAL";
    public static final String SHARD_IDS = "ICEWARN_SHARD_IDS";
    public static final String REPLICAS = "ICEWARN_REPLICAS";
    public static final String REPLICA_INDEX = "ICEWARN_REPLICA_INDEX";
    /** The value of {@value #REPLICA_INDEX} that takes the index from the host name's ordinal suffix. */
    public static final String FROM_HOSTNAME = "from-hostname";

    private static final Pattern ORDINAL = Pattern.compile(".*-(\\d+)");
    private static final Pattern ID_RANGE = Pattern.compile("(\\d+)\\s*-\\s*(\\d+)");

    public ShardPlan {
        ids = List.copyOf(ids);
        if (total == -1) {
            if (!ids.isEmpty()) {
                throw new ShardPlanException(
                        SHARD_IDS + " needs " + SHARDS_TOTAL + ": JDA ignores shard ids unless the total is fixed");
            }
        } else {
            if (total < 1) {
                throw new ShardPlanException(SHARDS_TOTAL + " must be >= 1, got " + total);
            }
            if (ids.isEmpty()) {
                throw new ShardPlanException("this process owns no shard of " + total);
            }
            int previous = -1;
            for (int id : ids) {
                if (id < 0 || id >= total) {
                    throw new ShardPlanException("shard id " + id + " is outside 0.." + (total - 1));
                }
                if (id <= previous) {
                    throw new ShardPlanException("shard ids must be ascending and distinct, got " + ids);
                }
                previous = id;
            }
        }
    }

    /** Returns the default plan: all shards, total recommended by Discord. */
    public static ShardPlan all() {
        return new ShardPlan(-1, List.of());
    }

    /** Returns a plan owning every shard of a fixed {@code total}. */
    public static ShardPlan all(int total) {
        if (total < 1) {
            throw new ShardPlanException(SHARDS_TOTAL + " must be >= 1, got " + total);
        }
        return new ShardPlan(total, IntStream.range(0, total).boxed().toList());
    }

    /** Returns a plan owning {@code ids} (any order, no duplicates) of {@code total}. */
    public static ShardPlan explicit(int total, List<Integer> ids) {
        TreeSet<Integer> sorted = new TreeSet<>(ids);
        if (sorted.size() != ids.size()) {
            throw new ShardPlanException(SHARD_IDS + " lists a shard twice: " + ids);
        }
        return new ShardPlan(total, new ArrayList<>(sorted));
    }

    /** Returns the plan of replica {@code index} (0-based) among {@code replicas} sharing {@code total} shards. */
    public static ShardPlan forReplica(int index, int replicas, int total) {
        return new ShardPlan(total, idsForReplica(index, replicas, total));
    }

    /**
     * Returns the contiguous block of shard ids replica {@code index} owns; every id in {@code 0..total-1} belongs to
     * exactly one index in {@code 0..replicas-1}.
     *
     * @throws ShardPlanException when {@code replicas > total} (some replica would own nothing) or an argument is out
     *     of range
     */
    public static List<Integer> idsForReplica(int index, int replicas, int total) {
        if (total < 1) {
            throw new ShardPlanException(REPLICAS + " > 1 needs " + SHARDS_TOTAL + " >= 1, got " + total);
        }
        if (replicas < 1) {
            throw new ShardPlanException(REPLICAS + " must be >= 1, got " + replicas);
        }
        if (replicas > total) {
            throw new ShardPlanException(REPLICAS + "=" + replicas + " exceeds " + SHARDS_TOTAL + "=" + total
                    + ": some replicas would own no shard");
        }
        if (index < 0 || index >= replicas) {
            throw new ShardPlanException(REPLICA_INDEX + " must be 0.." + (replicas - 1) + ", got " + index);
        }
        int base = total / replicas;
        int extra = total % replicas;
        int start = index * base + Math.min(index, extra);
        int size = base + (index < extra ? 1 : 0);
        return IntStream.range(start, start + size).boxed().toList();
    }

    /**
     * Returns the plan described by environment-style settings.
     *
     * <ul>
     *   <li>{@value #SHARDS_TOTAL}: total shards; unset or {@code auto} = Discord's recommendation.
     *   <li>{@value #SHARD_IDS}: ids this process owns, e.g. {@code 0,1,4-7}; needs a total.
     *   <li>{@value #REPLICAS} (default 1) and {@value #REPLICA_INDEX} (a number, or {@value #FROM_HOSTNAME} to read
     *       the ordinal of {@code HOSTNAME}, e.g. {@code icewarn-3} → 3): derive the ids; needs a total.
     * </ul>
     *
     * @throws ShardPlanException with a one-line message naming the setting at fault
     */
    public static ShardPlan fromEnv(Map<String, String> env) {
        String rawTotal = value(env, SHARDS_TOTAL);
        int total = rawTotal == null || rawTotal.equalsIgnoreCase("auto") ? -1 : parseInt(SHARDS_TOTAL, rawTotal);
        if (total != -1 && total < 1) {
            throw new ShardPlanException(SHARDS_TOTAL + " must be >= 1 or auto, got " + rawTotal);
        }
        String rawIds = value(env, SHARD_IDS);
        String rawReplicas = value(env, REPLICAS);
        String rawIndex = value(env, REPLICA_INDEX);
        int replicas = rawReplicas == null ? 1 : parseInt(REPLICAS, rawReplicas);

        if (rawIds != null) {
            if (replicas != 1 || rawIndex != null) {
                throw new ShardPlanException(
                        "set either " + SHARD_IDS + " or " + REPLICAS + "/" + REPLICA_INDEX + ", not both");
            }
            if (total == -1) {
                throw new ShardPlanException(
                        SHARD_IDS + " needs " + SHARDS_TOTAL + ": JDA ignores shard ids unless the total is fixed");
            }
            return explicit(total, parseIds(rawIds));
        }
        if (replicas == 1 && rawIndex == null) {
            return total == -1 ? all() : all(total);
        }
        if (total == -1) {
            throw new ShardPlanException(REPLICAS + "/" + REPLICA_INDEX + " need " + SHARDS_TOTAL
                    + ": every replica must agree on the total");
        }
        if (rawIndex == null) {
            throw new ShardPlanException(
                    REPLICAS + "=" + replicas + " needs " + REPLICA_INDEX + " (a number or " + FROM_HOSTNAME + ")");
        }
        int index = rawIndex.equalsIgnoreCase(FROM_HOSTNAME)
                ? ordinalOf(value(env, "HOSTNAME"))
                : parseInt(REPLICA_INDEX, rawIndex);
        return forReplica(index, replicas, total);
    }

    /** Returns the ordinal suffix of a StatefulSet pod name, e.g. {@code icewarn-3} → 3. */
    public static int ordinalOf(String hostname) {
        if (hostname == null) {
            throw new ShardPlanException(REPLICA_INDEX + "=" + FROM_HOSTNAME + " but HOSTNAME is not set");
        }
        Matcher m = ORDINAL.matcher(hostname.strip());
        if (!m.matches() || m.group(1).length() > 6) {
            throw new ShardPlanException(REPLICA_INDEX + "=" + FROM_HOSTNAME + " but HOSTNAME '" + hostname
                    + "' does not end in -<ordinal>");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Returns whether this plan owns every shard (the single-process default). */
    public boolean ownsAll() {
        return total == -1 || ids.size() == total;
    }

    /** Returns whether the total is fixed rather than left to Discord. */
    public boolean isTotalFixed() {
        return total != -1;
    }

    /** Returns a one-line description for the startup log. */
    public String describe() {
        if (total == -1) {
            return "all shards (total recommended by Discord)";
        }
        if (ownsAll()) {
            return "all " + total + " shards";
        }
        return ids.size() + " of " + total + " shards: " + compact(ids);
    }

    static List<Integer> parseIds(String raw) {
        List<Integer> ids = new ArrayList<>();
        for (String part : raw.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher range = ID_RANGE.matcher(p);
            if (range.matches()) {
                int from = parseInt(SHARD_IDS, range.group(1));
                int to = parseInt(SHARD_IDS, range.group(2));
                if (to < from || to - from > 100_000) {
                    throw new ShardPlanException(SHARD_IDS + " has a bad range '" + p + "'");
                }
                IntStream.rangeClosed(from, to).forEach(ids::add);
            } else {
                ids.add(parseInt(SHARD_IDS, p));
            }
        }
        if (ids.isEmpty()) {
            throw new ShardPlanException(SHARD_IDS + " lists no shard");
        }
        return ids;
    }

    static String compact(List<Integer> sorted) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted.get(i));
            if (j > i) {
                sb.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    private static String value(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int parseInt(String key, String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ShardPlanException(key + " must be a whole number, got '" + raw + "'");
        }
    }
}
