#compdef burrow
# zsh completion for burrow. Load it with:  source <(burrow completion zsh)
# or save it as _burrow in a folder of your $fpath. Verbs and options are completed here; saved
# connection names and PostHog paths come from `burrow __complete`, which answers a path from a
# small cached listing of one folder (refreshed after a minute, or after a command changed paths).

_burrow() {
    local burrow=$words[1] verb=$words[2] prev=$words[CURRENT-1]
    local -a verbs
    verbs=(
        'ls:list a folder'
        'find:search with the search language'
        'mkdir:create a folder'
        'mv:move or rename'
        'rm:delete'
        'shortcut:mark or unmark a link row'
        'link:make a link copy'
        'count:count what is below a folder'
        'organise:move many rows by a search and a folder template'
        'exports:list your exports'
        'export:export a dashboard or an insight'
        'profiles:list the saved connections'
        'serve:run the local workspace server'
        'completion:print the shell completion'
        'help:show the help'
    )
    if (( CURRENT == 2 )); then
        _describe -t commands 'burrow command' verbs
        return
    fi
    case $prev in
        --profile)
            local -a names
            names=(${(f)"$($burrow __complete profiles --shell zsh --line "$LBUFFER" 2>/dev/null)"})
            compadd -a names
            return ;;
        --format) compadd png csv xlsx pdf; return ;;
        --seed) compadd demo empty; return ;;
        --exports) compadd sync async; return ;;
        -o|--output|--data|--config-dir) _files -/; return ;;
        --host|--api-key|--environment|--dashboard|--insight|--timeout|--port|--where|--to|--rule) return ;;
    esac
    local -a connection flags
    connection=(--host --api-key --environment --profile --help)
    if [[ $PREFIX == -* ]]; then
        case $verb in
            ls) flags=(-R --recursive --json $connection) ;;
            find|mv|shortcut|link|count|exports) flags=(--json $connection) ;;
            mkdir) flags=(-p --parents --json $connection) ;;
            rm) flags=(-r --recursive --json $connection) ;;
            export) flags=(--dashboard --insight --format -o --output --timeout --json $connection) ;;
            organise) flags=(--where --to --rule --rules --dry-run --yes --undo --resume --json $connection) ;;
            profiles) flags=(--json --help) ;;
            serve) flags=(--host --port --data --api-key --seed --rate-limit --environment --exports --help) ;;
        esac
        compadd -a flags
        return
    fi
    case $verb in
        completion) compadd bash zsh; return ;;
        shortcut)
            if (( ${#${(M)${words[3,CURRENT-1]}:#[^-]*}} == 0 )); then
                compadd on off; return
            fi ;;
    esac
    case $verb in
        ls|mv|rm|count|link|mkdir|shortcut)
            local -a found folders items
            found=(${(f)"$($burrow __complete paths --shell zsh --line "$LBUFFER" 2>/dev/null)"})
            folders=(${(M)found:#*/})
            items=(${found:#*/})
            # folders keep their slash and take no space, so the next name can follow
            (( $#folders )) && compadd -S '' -a folders
            (( $#items )) && compadd -a items
            ;;
    esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _burrow "$@"
else
    compdef _burrow burrow
fi
