# bash completion for hds: commands, options, --format / --by / --lang values, and the snapshot dates of the
# database named on the line. Installed as share/bash-completion/completions/hds; to try it from a build:
#   source apps/hds/completion/hds.bash
# Every candidate comes from `hds __complete WORD...` (apps/hds/completion.cpp), so that the script never
# lists a command or an option of its own. Needs only bash, not the bash-completion package.

_hds() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local program=${COMP_WORDS[0]}
    # A ~ in the program's name, as typed, is the home directory.
    [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}
    local IFS=$'\n'
    local candidates
    candidates=$("$program" __complete "${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null) || return 0
    # Only the candidates that start with what is typed; none (a file argument): the shell completes file names.
    COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}

complete -o default -F _hds hds
