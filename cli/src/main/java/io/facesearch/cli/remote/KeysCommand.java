package io.facesearch.cli.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.DurationConverter;
import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.Table;
import io.facesearch.client.ApiKey;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.NewApiKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code facesearch keys create|list|revoke}: the server's API keys; each needs a key with {@code admin:*}. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create, list and revoke API keys on a FaceSearch server (needs an admin:* key).",
        subcommands = {KeysCommand.CreateKey.class, KeysCommand.ListKeys.class, KeysCommand.RevokeKey.class})
public final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create, list or revoke");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print its secret alone on the first line; the server never shows it again.")
    static final class CreateKey extends ServerCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "A name for people, e.g. the service that uses it.")
        String name;

        @Option(names = "--scope", required = true, paramLabel = "PERMISSION:COLLECTION",
                description = "What the key may do, repeatable: search:NAME (search, verify, detect, read faces), "
                        + "enroll:NAME (also enrol and delete faces), admin:NAME (also create, delete, compact the collection); "
                        + "NAME * for every collection, and admin:* also manages keys.")
        List<String> scopes;

        @Option(names = "--expires", paramLabel = "DURATION|TIME", converter = ExpiryConverter.class,
                description = "When the key stops working: a duration from now (90d, 12h, 30m) or a time (2027-01-31, 2027-01-31T12:00:00Z). Default: never.")
        Expiry expires;

        @Option(names = "--json", description = "Print one JSON object with every field, the secret included.")
        boolean json;

        @Override
        int run(FaceSearchClient client) {
            NewApiKey created = client.createKey(name, scopes, expires == null ? null : expires.at());
            if (json) {
                out().println(KeysCommand.json(created.key()).put("secret", created.secret()));
            } else {
                out().println(created.secret());
                describe(created.key());
            }
            out().flush();
            err().println("keep the secret now: the server stores only its hash and never shows it again");
            return ExitStatus.OK;
        }

        private void describe(ApiKey k) {
            out().printf("id:       %s%n", k.id());
            out().printf("name:     %s%n", k.name());
            out().printf("scopes:   %s%n", String.join(" ", k.scopes()));
            out().printf("created:  %s%n", k.createTime());
            out().printf("expires:  %s%n", k.expireTime() == null ? "never" : k.expireTime());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every key, oldest first; secrets are never shown.")
    static final class ListKeys extends ServerCommand {
        @Option(names = "--json", description = "Print one JSON object per key.")
        boolean json;

        @Override
        int run(FaceSearchClient client) {
            List<ApiKey> keys = client.listKeys();
            if (json) {
                keys.forEach(k -> out().println(KeysCommand.json(k)));
                return ExitStatus.OK;
            }
            Instant now = Instant.now();
            Table table = new Table("ID", "NAME", "SCOPES", "CREATED", "EXPIRES", "STATE");
            for (ApiKey k : keys) {
                String state = k.revoked() ? "revoked" : k.expireTime() != null && !now.isBefore(k.expireTime()) ? "expired" : "active";
                table.add(k.id(), k.name(), String.join(" ", k.scopes()), k.createTime(), k.expireTime() == null ? "never" : k.expireTime(),
                        state);
            }
            table.print(out());
            return ExitStatus.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key: calls with it are refused from now on.")
    static final class RevokeKey extends ServerCommand {
        @Parameters(paramLabel = "ID", description = "The key's id, as `keys list` shows it.")
        String id;

        @Override
        int run(FaceSearchClient client) {
            ApiKey k = client.revokeKey(id);
            out().printf("revoked key %s (%s) at %s%n", k.id(), k.name(), k.revokeTime());
            return ExitStatus.OK;
        }
    }

    static ObjectNode json(ApiKey k) {
        ObjectNode n = Json.object();
        n.put("id", k.id());
        n.put("name", k.name());
        k.scopes().forEach(n.putArray("scopes")::add);
        n.put("createTime", k.createTime().toString());
        n.put("expireTime", k.expireTime() == null ? null : k.expireTime().toString());
        n.put("revokeTime", k.revokeTime() == null ? null : k.revokeTime().toString());
        return n;
    }

    /** An expiry as given: fixed when the command runs, so a duration counts from then. */
    record Expiry(Instant at) {
    }

    /** Reads {@code 90d}, {@code 12h}, {@code 30m} (from now), {@code 2027-01-31} (midnight UTC) or an ISO-8601 instant. */
    static final class ExpiryConverter implements CommandLine.ITypeConverter<Expiry> {
        @Override
        public Expiry convert(String value) {
            String v = value.strip();
            try {
                return new Expiry(Instant.parse(v));
            } catch (DateTimeParseException notInstant) {
                // Try the other forms.
            }
            try {
                return new Expiry(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                // Try a duration.
            }
            if (v.matches("\\d+d")) {
                return new Expiry(Instant.now().plus(java.time.Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)))));
            }
            try {
                return new Expiry(Instant.now().plus(new DurationConverter().convert(v)));
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is neither a duration (90d, 12h, 30m) nor a time "
                        + "(2027-01-31, 2027-01-31T12:00:00Z)");
            }
        }
    }
}
