package io.icewarn.bot.features.admin;

import io.icewarn.bot.config.SettingsLoader;
import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.discord.SlashCommand;
import io.icewarn.bot.store.GuildOverrides;
import io.icewarn.bot.store.StoreException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /icewarn-admin}: shows and changes this server's settings (automatic answers on/off, the channels
 * that get them, roles excluded from them, redaction, private answers by default, the dedup window), resets
 * them to the bot's defaults, and shows which checklist rules the "Fixed it" / "Didn't help" votes say
 * help. Registered for servers only and, by default, visible only to members with Manage Server; the
 * permission is checked again on every use, since a server can re-grant the command. Every answer is
 * private plain text; a bad value gets one sentence saying what is expected. Needs no intent.
 */
public final class AdminCommand implements SlashCommand {
    private static final Logger LOG = LoggerFactory.getLogger(AdminCommand.class);
    static final String NAME = "icewarn-admin";
    static final String NOT_IN_SERVER = "/icewarn-admin works only in a server.";
    static final String NEEDS_MANAGE_SERVER = "You need the Manage Server permission to change icewarn's settings.";
    static final String NOT_SAVED =
            "Sorry, I could not reach my database; nothing was changed. Please try again later.";
    static final Duration MAX_DEDUP = Duration.ofDays(7);
    /** The most rules {@code stats} lists. */
    static final int MAX_STATS_RULES = 25;
    /** The most characters of one answer (Discord allows 2000). */
    static final int MAX_CHARS = 1900;

    private final BotContext ctx;
    private final SlashCommandData data;

    public AdminCommand(BotContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        OptionData channel = new OptionData(OptionType.CHANNEL, "channel", "A channel or category", true)
                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS, ChannelType.FORUM, ChannelType.CATEGORY);
        this.data = Commands.slash(NAME, "Show or change icewarn's settings for this server")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        new SubcommandData("show", "Show the settings in force here"),
                        new SubcommandData("stats", "Which checklist rules the feedback votes say help"),
                        new SubcommandData("reset", "Go back to the bot's default settings"),
                        new SubcommandData("auto-reply", "Answer diagnostics without being asked")
                                .addOption(OptionType.BOOLEAN, "enabled", "On or off", true),
                        new SubcommandData("channel-add", "Answer automatically in this channel or category")
                                .addOptions(channel),
                        new SubcommandData("channel-remove", "Stop answering automatically in this channel or category")
                                .addOptions(channel),
                        new SubcommandData("channels-all", "Answer automatically in every channel"),
                        new SubcommandData("role-exclude", "Never answer members with this role automatically")
                                .addOption(OptionType.ROLE, "role", "The role (e.g. helpers)", true),
                        new SubcommandData("role-include", "Answer members with this role again")
                                .addOption(OptionType.ROLE, "role", "The role", true),
                        new SubcommandData("redact", "Hide IP addresses and host names in answers")
                                .addOption(OptionType.BOOLEAN, "enabled", "On or off", true),
                        new SubcommandData("private-default", "Make command answers private unless asked otherwise")
                                .addOption(OptionType.BOOLEAN, "enabled", "On or off", true),
                        new SubcommandData("dedup-window", "How long the same paste in a channel is answered once")
                                .addOptions(new OptionData(
                                                OptionType.STRING, "window", "e.g. 10m, 2h, 1d; 0 turns it off", true)
                                        .setMaxLength(20)));
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        if (event.getGuild() == null) {
            Outgoing.privately(event, NOT_IN_SERVER, ctx.metrics());
            return;
        }
        Member member = event.getMember();
        if (member == null || !member.hasPermission(Permission.MANAGE_SERVER)) {
            Outgoing.privately(event, NEEDS_MANAGE_SERVER, ctx.metrics());
            return;
        }
        long guildId = event.getGuild().getIdLong();
        String sub = Objects.requireNonNullElse(event.getSubcommandName(), "");
        // every subcommand reads or writes the database, which may take longer than Discord's 3 seconds:
        // acknowledged privately first, answered from a work thread
        event.deferReply(true)
                .queue(null, e -> LOG.warn("could not acknowledge /icewarn-admin: {}", Outgoing.describe(e)));
        ctx.work()
                .submit(
                        "/icewarn-admin " + sub,
                        () -> {
                            try {
                                Optional<String> answer = answer(event, guildId, sub);
                                Outgoing.privately(
                                        event,
                                        answer.orElse("Unknown subcommand; try /icewarn-admin show."),
                                        ctx.metrics());
                            } catch (StoreException e) {
                                LOG.warn("{}", e.getMessage());
                                Outgoing.privately(event, NOT_SAVED, ctx.metrics());
                            }
                        },
                        Outgoing.failure(event, ctx.metrics()));
    }

    private Optional<String> answer(SlashCommandInteractionEvent event, long guildId, String sub) {
        GuildSettingsResolver settings = ctx.guildSettings();
        switch (sub) {
            case "show":
                return Optional.of(AdminText.show(settings.forGuild(guildId), settings.overrides(guildId)));
            case "stats":
                return Optional.of(AdminText.stats(
                        ctx.store().feedback().stats(guildId, MAX_STATS_RULES),
                        ctx.store().feedback().count(guildId),
                        MAX_CHARS));
            case "reset":
                settings.reset(guildId);
                return Optional.of(
                        "Back to the bot's defaults.\n\n" + AdminText.show(settings.defaults(), GuildOverrides.none()));
            case "auto-reply":
                return changed(guildId, o -> o.withAutoReply(bool(event)));
            case "redact":
                return changed(guildId, o -> o.withRedact(bool(event)));
            case "private-default":
                return changed(guildId, o -> o.withPrivateReplies(bool(event)));
            case "channel-add":
            case "channel-remove":
                return channels(event, guildId, sub.equals("channel-add"));
            case "channels-all":
                return changed(guildId, o -> o.withChannelIds(Set.of()));
            case "role-exclude":
            case "role-include":
                return roles(event, guildId, sub.equals("role-exclude"));
            case "dedup-window":
                return dedup(event, guildId);
            default:
                return Optional.empty();
        }
    }

    private Optional<String> changed(long guildId, UnaryOperator<GuildOverrides> change) {
        GuildSettings now = ctx.guildSettings().update(guildId, change);
        return Optional.of(
                "Saved.\n\n" + AdminText.show(now, ctx.guildSettings().overrides(guildId)));
    }

    private Optional<String> channels(SlashCommandInteractionEvent event, long guildId, boolean add) {
        OptionMapping o = event.getOption("channel");
        if (o == null) {
            return Optional.of("Pick a channel or category.");
        }
        long id = o.getAsLong();
        Set<Long> current = ctx.guildSettings().forGuild(guildId).channelIds();
        if (add && current.size() >= GuildOverrides.MAX_IDS && !current.contains(id)) {
            return Optional.of("At most " + GuildOverrides.MAX_IDS + " answer channels; pick a category instead.");
        }
        if (!add && current.isEmpty()) {
            return Optional.of(
                    "I answer in every channel now; add the channels you want with /icewarn-admin channel-add.");
        }
        return changed(guildId, ov -> {
                    // the first change starts from the defaults in force, so a default list is edited, not replaced
                    Set<Long> ids = new HashSet<>(
                            ov.channelIds().orElse(ctx.services().settings().allowedChannelIds()));
                    if (add) {
                        ids.add(id);
                    } else {
                        ids.remove(id);
                    }
                    if (ids.size() > GuildOverrides.MAX_IDS) {
                        return ov;
                    }
                    return ov.withChannelIds(ids);
                })
                .map(text -> !add
                                && ctx.guildSettings()
                                        .forGuild(guildId)
                                        .channelIds()
                                        .isEmpty()
                        ? "That was the last answer channel, so I answer in every channel again.\n\n" + text
                        : text);
    }

    private Optional<String> roles(SlashCommandInteractionEvent event, long guildId, boolean exclude) {
        OptionMapping o = event.getOption("role");
        if (o == null) {
            return Optional.of("Pick a role.");
        }
        long id = o.getAsLong();
        Set<Long> current = ctx.guildSettings().forGuild(guildId).excludedRoleIds();
        if (exclude && current.size() >= GuildOverrides.MAX_IDS && !current.contains(id)) {
            return Optional.of("At most " + GuildOverrides.MAX_IDS + " excluded roles.");
        }
        return changed(guildId, ov -> {
            Set<Long> ids = new HashSet<>(
                    ov.excludedRoleIds().orElse(ctx.services().settings().excludedRoleIds()));
            if (exclude) {
                ids.add(id);
            } else {
                ids.remove(id);
            }
            return ids.size() > GuildOverrides.MAX_IDS ? ov : ov.withExcludedRoleIds(ids);
        });
    }

    private Optional<String> dedup(SlashCommandInteractionEvent event, long guildId) {
        OptionMapping o = event.getOption("window");
        Optional<Duration> window = o == null ? Optional.empty() : parseWindow(o.getAsString());
        if (window.isEmpty()) {
            return Optional.of(
                    "That is not a duration. Give one like 30s, 10m, 2h or 1d (at most 7d); 0 turns it off.");
        }
        return changed(guildId, ov -> ov.withDedupWindow(window.get()));
    }

    /** Returns {@code text} as a dedup window between 0 and {@link #MAX_DEDUP}, if it is one. */
    static Optional<Duration> parseWindow(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("0") || t.equals("off")) {
            return Optional.of(Duration.ZERO);
        }
        return SettingsLoader.parseDuration(t).filter(d -> d.compareTo(MAX_DEDUP) <= 0);
    }

    private static boolean bool(SlashCommandInteractionEvent event) {
        OptionMapping o = event.getOption("enabled");
        return o != null && o.getAsBoolean();
    }
}
