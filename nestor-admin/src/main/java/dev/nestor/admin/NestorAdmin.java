package dev.nestor.admin;

import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.jdbc.DatabaseConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * nestor-admin: kea-admin's command line ({@code COMMAND BACKEND [options]}) for Nestor's lease databases.
 * Migrations are built in (versioned scripts in nestor-lease-jdbc), so {@code -d} is accepted and ignored.
 */
@Command(name = "nestor-admin", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Administers Nestor (and Kea) lease databases, with kea-admin's commands and options.",
                "COMMAND: db-init | db-version | db-upgrade | lease-dump | lease-upload | stats-recount",
                "BACKEND: memfile | mysql | pgsql (or postgresql)"})
public final class NestorAdmin implements Callable<Integer> {
    static final String VERSION = "0.1.0";
    private static final String PROMPT = "\u0000prompt";

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND")
    String command;
    @Parameters(index = "1", arity = "0..1", paramLabel = "BACKEND")
    String backend;
    @Option(names = {"-h", "--host"}, paramLabel = "HOST", description = "database host (default localhost)")
    String host = "localhost";
    @Option(names = {"-P", "--port"}, paramLabel = "PORT", description = "database TCP port (default: the engine's)")
    Integer port;
    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "database user (default keatest)")
    String user = "keatest";
    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", arity = "0..1", fallbackValue = PROMPT,
            description = "database password (default keatest, or $KEA_ADMIN_DB_PASSWORD); without a value: prompt")
    String password;
    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "database name (default keatest)")
    String name = "keatest";
    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "kea-admin's scripts directory: ignored, the migrations are built in")
    Path scriptsDirectory;
    @Option(names = {"-x", "--extra"}, paramLabel = "KEY=VALUE",
            description = "extra lease-database parameter, e.g. -x connect-timeout=10 -x trust-anchor=/etc/ca.pem")
    List<String> extra = List.of();
    @Option(names = "-4", description = "DHCPv4 leases (lease-dump, lease-upload)")
    boolean v4;
    @Option(names = "-6", description = "DHCPv6 leases (lease-dump, lease-upload)")
    boolean v6;
    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "lease-upload: CSV to read; lease-dump memfile: lease file to read")
    Path input;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "lease-dump: CSV to write; lease-upload memfile: lease file to write")
    Path output;
    @Option(names = {"-y", "--yes"}, description = "overwrite an existing output file")
    boolean yes;
    @Option(names = {"-v", "--version"}, description = "print the version and exit")
    boolean version;
    @Option(names = "--help", usageHelp = true, description = "show this help")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    public NestorAdmin() {
        this(System.out, System.err);
    }

    NestorAdmin(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; returns the exit status (0 success, 1 failure, 2 usage error). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new NestorAdmin(out, err));
        cl.setPosixClusteredShortOptionsAllowed(false);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        if (version) {
            out.println(VERSION);
            return 0;
        }
        try {
            if (command == null) throw new Usage("missing command");
            Backend b = Backend.parse(backend);
            if (scriptsDirectory != null)
                err.println("nestor-admin: -d " + scriptsDirectory + " ignored: the schema migrations are built in");
            switch (command) {
                case "db-init", "db-version", "db-upgrade", "stats-recount" -> schema(b);
                case "lease-dump" -> dump(b);
                case "lease-upload" -> upload(b);
                default -> throw new Usage("unknown command '" + command + "'");
            }
            return 0;
        } catch (Usage e) {
            err.println("ERROR/nestor-admin: " + e.getMessage());
            err.println("Usage: nestor-admin COMMAND BACKEND [options]   (nestor-admin --help for the list)");
            return 2;
        } catch (AdminException e) {
            err.println("ERROR/nestor-admin: " + e.getMessage());
            return 1;
        } catch (LeaseStoreException | RuntimeException e) {
            err.println("ERROR/nestor-admin: " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** A command line kea-admin would refuse too. */
    private static final class Usage extends AdminException {
        Usage(String message) {
            super(message);
        }
    }

    private void schema(Backend b) throws AdminException {
        if (!b.sql()) {
            if (command.equals("stats-recount")) {
                out.println("INFO/nestor-admin: memfile does not keep lease statistics");
                return;
            }
            throw new AdminException(command + " is not implemented for memfile (a lease file needs no schema:"
                    + " the servers create and convert it)");
        }
        SchemaCommands s = new SchemaCommands(databaseConfig(b), out, err);
        switch (command) {
            case "db-init" -> s.init();
            case "db-version" -> s.version();
            case "db-upgrade" -> s.upgrade();
            default -> s.recount();
        }
    }

    private void dump(Backend b) throws AdminException, LeaseStoreException {
        int family = family();
        if (output == null) throw new Usage("you must specify an output file for lease-dump (-o)");
        LeaseTransfer t = new LeaseTransfer(out, err);
        long n;
        if (!b.sql()) {
            if (input == null) throw new Usage("lease-dump memfile reads the lease file given with -i");
            n = family == 4 ? t.dumpList4(t.readCsv4(input), output, yes) : t.dumpList6(t.readCsv6(input), output, yes);
        } else if (family == 4) {
            try (LeaseStore4 store = LeaseStores.open4(parameters(b), LeaseTransfer.context(tmp()))) {
                n = t.dump4(store, output, yes);
            }
        } else {
            try (LeaseStore6 store = LeaseStores.open6(parameters(b), LeaseTransfer.context(tmp()))) {
                n = t.dump6(store, output, yes);
            }
        }
        out.println("lease" + family + " successfully dumped to " + output + " (" + n + " leases)");
    }

    private void upload(Backend b) throws AdminException, LeaseStoreException {
        int family = family();
        if (input == null) throw new Usage("you must specify an input file with -i or --input for lease-upload");
        LeaseTransfer t = new LeaseTransfer(out, err);
        Map<String, String> target;
        String where;
        if (b.sql()) {
            target = parameters(b);
            where = b.type() + " database " + name;
        } else {
            if (output == null) throw new Usage("lease-upload memfile writes the lease file given with -o");
            target = LeaseTransfer.memfile(output);
            where = "lease file " + output;
        }
        if (family == 4) {
            var leases = t.readCsv4(input);
            out.println("INFO/nestor-admin: " + leases.size() + " leases in " + input);
            try (LeaseStore4 store = LeaseStores.open4(target, LeaseTransfer.context(tmp()))) {
                t.report(t.upload4(leases, store), where);
                store.flush();
            }
        } else {
            var leases = t.readCsv6(input);
            out.println("INFO/nestor-admin: " + leases.size() + " leases in " + input);
            try (LeaseStore6 store = LeaseStores.open6(target, LeaseTransfer.context(tmp()))) {
                t.report(t.upload6(leases, store), where);
                store.flush();
            }
        }
    }

    private int family() throws Usage {
        if (v4 == v6) throw new Usage(command + ": lease type ( -4 or -6 ) needs to be specified");
        return v4 ? 4 : 6;
    }

    /** The lease-database map a server with these options would have. */
    Map<String, String> parameters(Backend b) throws AdminException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", b.type());
        p.put("name", name);
        p.put("host", host);
        if (port != null) p.put("port", Integer.toString(port));
        p.put("user", user);
        String pw = password();
        if (pw != null && !pw.isEmpty()) p.put("password", pw);
        p.put("pool-size", Integer.toString(LeaseTransfer.UPLOAD_THREADS));
        for (String kv : extra) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new Usage("-x expects KEY=VALUE (a lease-database parameter), not '" + kv + "'");
            p.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return p;
    }

    private DatabaseConfig databaseConfig(Backend b) throws AdminException {
        try {
            return DatabaseConfig.parse(parameters(b));
        } catch (LeaseStoreException e) {
            throw new AdminException(e.getMessage(), e);
        }
    }

    /** kea-admin's password rules: -p VALUE, -p alone prompts, else $KEA_ADMIN_DB_PASSWORD, else "keatest". */
    private String password() {
        if (PROMPT.equals(password)) {
            Console console = System.console();
            if (console == null) return "";
            char[] pw = console.readPassword("Password: ");
            password = pw == null ? "" : new String(pw);
        }
        if (password != null) return password;
        String env = System.getenv("KEA_ADMIN_DB_PASSWORD");
        return env != null ? env : "keatest";
    }

    private static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
