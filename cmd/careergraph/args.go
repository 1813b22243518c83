package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// urfave/cli v2 stops reading flags at the first positional argument, and
// reads global flags only before the command name. People type
// `careergraph path A B --json` and `careergraph path A B --data dir`, so
// parseArgs and argv move every flag to where the library expects it: global
// flags before the command, command flags before the positional
// arguments. "--" ends the flags as usual.

// parsedArgs is a command line taken apart.
type parsedArgs struct {
	global   []string // global flags with their values
	commands []string // the command and subcommand names
	flags    []string // the (sub)command's flags with their values
	args     []string // positional arguments
	err      error    // a usage error found on the way
}

// argv returns the command line in the order urfave/cli reads.
func (p parsedArgs) argv(name string) []string {
	out := []string{name}
	out = append(out, p.global...)
	out = append(out, p.commands...)
	out = append(out, p.flags...)
	if len(p.args) > 0 {
		out = append(out, "--")
		out = append(out, p.args...)
	}
	return out
}

// parseArgs takes a command line apart. It reports unknown commands and
// subcommands, a missing subcommand, and a flag that wants a value but is
// last, as usage errors; unknown flags are left for urfave/cli to report.
func parseArgs(app *cli.App, args []string) parsedArgs {
	var p parsedArgs
	var cmd *cli.Command
	subs := app.Commands
	help := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.args = append(p.args, args[i+1:]...)
			break
		}
		if isFlag(a) {
			help = help || isHelpOrVersion(a)
			takes, owner := flagTakesValue(a, app.Flags, cmd)
			dst := &p.flags
			if owner == ownerGlobal {
				dst = &p.global
			}
			*dst = append(*dst, a)
			if takes && !strings.Contains(a, "=") {
				if i+1 >= len(args) {
					p.err = usagef("flag %s needs a value", a)
					return p
				}
				i++
				*dst = append(*dst, args[i])
			}
			continue
		}
		if cmd == nil || len(p.args) == 0 && len(subs) > 0 {
			if c := findCommand(subs, a); c != nil {
				cmd = c
				p.commands = append(p.commands, a)
				subs = c.Subcommands
				continue
			}
			if cmd == nil {
				if a == "help" || a == "h" {
					// urfave/cli's own help command: leave the rest to it.
					p.commands = append(p.commands, args[i:]...)
					return p
				}
				p.err = usagef("unknown command %q (see careergraph --help)", a)
				return p
			}
			p.err = usagef("unknown %s kind %q (known: %s)", cmd.Name, a, strings.Join(commandNames(subs), ", "))
			return p
		}
		p.args = append(p.args, a)
	}
	if cmd != nil && len(cmd.Subcommands) > 0 && len(p.commands) == 1 && !help {
		p.err = usagef("%s needs a kind: %s (see careergraph %s --help)", cmd.Name, strings.Join(commandNames(cmd.Subcommands), ", "), cmd.Name)
	}
	return p
}

func commandNames(cmds []*cli.Command) []string {
	var out []string
	for _, c := range cmds {
		if c.Name != "help" {
			out = append(out, c.Name)
		}
	}
	return out
}

func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

type flagOwner int

const (
	ownerCommand flagOwner = iota
	ownerGlobal
)

// flagTakesValue reports whether the flag token a needs the next argument
// as its value, and whether it belongs to the command or is global.
// Unknown flags are left to the command, which reports them.
func flagTakesValue(a string, global []cli.Flag, cmd *cli.Command) (bool, flagOwner) {
	name := strings.TrimLeft(a, "-")
	if i := strings.IndexByte(name, '='); i >= 0 {
		name = name[:i]
	}
	if cmd != nil {
		if f := lookupFlag(cmd.Flags, name); f != nil {
			return takesValue(f), ownerCommand
		}
	}
	if f := lookupFlag(global, name); f != nil {
		return takesValue(f), ownerGlobal
	}
	return false, ownerCommand
}

func lookupFlag(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

func takesValue(f cli.Flag) bool {
	_, isBool := f.(*cli.BoolFlag)
	return !isBool
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}
