package dev.burrow.cli;

/** The CLI's help text: verbs, connection, path escaping, JSON shapes, exit codes. */
final class Help {

    private Help() {
    }

    static final String TEXT = """
            Project tree and exports from the command line:
              burrow ls [PATH] [-R] [--json]      list a folder's children (-R: the whole subtree)
              burrow find QUERY [--json]          search with PostHog's search language
                                                  (name:x  path:x  type:dashboard  user:me  -word …)
              burrow mkdir PATH [--json]          create a folder (missing parents are created too)
              burrow mv SRC… DEST [--json]        move into the folder DEST, or rename SRC to DEST
              burrow rm [-r] PATH [--json]        delete (a folder needs -r)
              burrow shortcut on|off PATH         mark or unmark the row as a link row (PATCH shortcut)
              burrow link SRC DEST [--json]       make a link copy of SRC in the folder DEST, or at DEST
              burrow count PATH [--json]          count everything below a folder
              burrow organise --where QUERY --to TEMPLATE [--dry-run] [--yes] [--json]
                                                  move every item the query finds into folders made
                                                  from the template: literal text and {type} {creator}
                                                  {created:yyyy} {created:yyyy-MM} {dashboard} {parent}
              burrow organise --rule NAME [--dry-run] [--yes] [--json]
                                                  the same with a rule saved in the window
              burrow organise --rules [--json]    list this connection's saved rules
              burrow organise --undo | --resume   revert the last batch / finish one cut short
              burrow exports [--json]             list your exports
              burrow profiles [--json]            list the saved connections (never their keys)
              burrow completion bash|zsh          print the shell completion (verbs, options, saved
                                                  connections, paths): source <(burrow completion bash)
              burrow export (--dashboard ID | --insight ID|SHORT_ID) --format png|csv|xlsx|pdf
                            [-o DIR] [--timeout SECONDS] [--json]
                                                  create an export, wait for it, download it into DIR
                                                  (default: the current folder), print the file's path

            Connection (first match wins, per setting):
              --host URL --api-key KEY --environment ID
              --profile NAME                      a saved connection (its key comes from the keychain)
              BURROW_HOST, BURROW_API_KEY, BURROW_ENVIRONMENT  environment variables
              none of these: the local workspace, the window's own data on this machine (it may be
              open at the same time)
              The API key is never printed.

            Paths are PostHog paths as people see them, without a leading slash: names joined with
            '/'. Inside a name, write '/' as '\\/' and '\\' as '\\\\'. So 'Marketing/Q1 \\/ Q2' is the
            item "Q1 / Q2" in the folder "Marketing". Quote paths for your shell:
              burrow ls 'Marketing/Campaigns/2026/Q1 \\/ Q2'
            The root is '' (or no PATH for ls). A path with no folder row but with rows below it is
            a folder all the same (ls, count, mv, rm -r act on what is below it).

            --json prints one JSON document per command; rows carry the API's field names:
              ls       {"path": P, "recursive": bool, "count": N, "results": [row + "descendants"]}
              find     {"search": Q, "count": N, "results": [row]}
              mkdir    {"created": row}
              mv       {"moved": [{"from": P, "to": P, "method": "move"|"patch"|"unchanged", "rows": N}]}
              rm       {"path": P, "deleted": [{"type","ref","mode","undo","path","can_undo"}], "rows": N}
              shortcut {"results": [row]}
              link     {"created": row}
              count    {"path": P, "count": N, "entries": [row], "has_more": bool}
              exports  {"count": N, "results": [export]}
              export   {"export": export, "file": "/absolute/path", "bytes": N}
            A row is {"id","path","depth","type","ref","href","meta","shortcut","created_at",
            "created_by","last_viewed_at","user_access_level"}; in ls, "descendants" is the number of
            rows below a folder (null for other rows), and a folder with no row of its own has
            "id": null. An export is {"id","dashboard","insight","export_format","created_at",
            "has_content","export_context","filename","expires_after","exception"}.

            Exit codes:
              0  done
              1  usage: a missing or wrong argument or option, or a local problem (e.g. -o not writable)
              2  the server refused (its message on stderr), including "burrow: no such path 'X'"
                 and an export that failed on the server
              3  network failure or timeout (also an export not ready within --timeout)
            """;
}
