# bash completion for burrow. Load it with:  source <(burrow completion bash)
# (the .deb and .rpm install it for every user). Verbs and options are completed here; saved
# connection names and PostHog paths come from `burrow __complete`, which answers a path from a
# small cached listing of one folder (refreshed after a minute, or after a command changed paths).

_burrow_verbs="ls find mkdir mv rm shortcut link count organise exports export profiles serve completion help"

_burrow() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local burrow=${COMP_WORDS[0]} verb=${COMP_WORDS[1]}
    COMPREPLY=()
    if ((COMP_CWORD == 1)); then
        COMPREPLY=($(compgen -W "$_burrow_verbs --help --version" -- "$cur"))
        return
    fi
    # `--option=value` arrives as three words: --option, =, value
    if [[ $prev == = ]] && ((COMP_CWORD > 2)); then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    elif [[ $cur == = ]]; then
        cur=""
    fi
    case $prev in
        --profile)
            local IFS=$'\n'
            COMPREPLY=($("$burrow" __complete profiles --shell bash --wordbreaks "$COMP_WORDBREAKS" \
                --line "${COMP_LINE:0:COMP_POINT}" 2>/dev/null))
            return ;;
        --format)
            COMPREPLY=($(compgen -W "png csv xlsx pdf" -- "$cur")); return ;;
        --seed)
            COMPREPLY=($(compgen -W "demo empty" -- "$cur")); return ;;
        --exports)
            COMPREPLY=($(compgen -W "sync async" -- "$cur")); return ;;
        -o|--output|--data|--config-dir)
            COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --host|--api-key|--environment|--dashboard|--insight|--timeout|--port|--where|--to|--rule)
            return ;;
    esac
    local connection="--host --api-key --environment --profile --help"
    if [[ $cur == -* ]]; then
        local flags
        case $verb in
            ls) flags="-R --recursive --json $connection" ;;
            find|mv|shortcut|link|count|exports) flags="--json $connection" ;;
            mkdir) flags="-p --parents --json $connection" ;;
            rm) flags="-r --recursive --json $connection" ;;
            export) flags="--dashboard --insight --format -o --output --timeout --json $connection" ;;
            organise) flags="--where --to --rule --rules --dry-run --yes --undo --resume --json $connection" ;;
            profiles) flags="--json --help" ;;
            serve) flags="--host --port --data --api-key --seed --rate-limit --environment --exports --help" ;;
        esac
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
        return
    fi
    case $verb in
        completion)
            COMPREPLY=($(compgen -W "bash zsh" -- "$cur")); return ;;
        shortcut)
            local i words=0
            for ((i = 2; i < COMP_CWORD; i++)); do [[ ${COMP_WORDS[i]} != -* ]] && ((words++)); done
            if ((words == 0)); then
                COMPREPLY=($(compgen -W "on off" -- "$cur")); return
            fi ;;
    esac
    case $verb in
        ls|mv|rm|count|link|mkdir|shortcut)
            local IFS=$'\n'
            COMPREPLY=($("$burrow" __complete paths --shell bash --wordbreaks "$COMP_WORDBREAKS" \
                --line "${COMP_LINE:0:COMP_POINT}" 2>/dev/null))
            # a folder is completed with its slash and no space, so the next name can follow
            if ((${#COMPREPLY[@]} > 0)) && [[ ${COMPREPLY[0]} == */ ]]; then
                compopt -o nospace 2>/dev/null
            fi ;;
    esac
}

complete -F _burrow burrow
