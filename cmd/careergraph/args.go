package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// urfave/cli v2 stops reading flags at the first positional argument, and
// reads global flags only before the command name. People type
// `careergraph path A B --json` and `careergraph path A B --data dir`, so
// reorderArgs moves every flag to where the library expects it: global
// flags before the command, command flags before the positional
// arguments. "--" ends the flags as usual.

// parsedArgs is a command line taken apart.
type parsedArgs struct {
	global   []string // global flags with their values
	commands []string // the command and subcommand names
	flags    []string // the (sub)command's flags with their values
	args     []string // positional arguments
	known    bool     // the command names a known command
}

// reorderArgs returns argv with the flags moved into place.
func reorderArgs(app *cli.App, argv []string) []string {
	p := parseArgs(app, argv[1:])
	out := []string{argv[0]}
	out = append(out, p.global...)
	out = append(out, p.commands...)
	out = append(out, p.flags...)
	if len(p.args) > 0 {
		out = append(out, "--")
		out = append(out, p.args...)
	}
	return out
}

func parseArgs(app *cli.App, args []string) parsedArgs {
	var p parsedArgs
	var cmd *cli.Command
	subs := app.Commands
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.args = append(p.args, args[i+1:]...)
			break
		}
		if isFlag(a) {
			takes, owner := flagTakesValue(a, app.Flags, cmd)
			dst := &p.flags
			if owner == ownerGlobal {
				dst = &p.global
			}
			*dst = append(*dst, a)
			if takes && !strings.Contains(a, "=") && i+1 < len(args) {
				i++
				*dst = append(*dst, args[i])
			}
			continue
		}
		if len(p.args) == 0 && len(subs) > 0 {
			if c := findCommand(subs, a); c != nil {
				cmd = c
				p.commands = append(p.commands, a)
				subs = c.Subcommands
				p.known = true
				continue
			}
			if cmd == nil {
				// An unknown command: leave the rest alone.
				p.commands = append(p.commands, a)
				p.args = append(p.args, args[i+1:]...)
				p.known = a == "help" || a == "h"
				break
			}
		}
		p.args = append(p.args, a)
	}
	return p
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

// unknownCommand returns the command name of argv when it names no
// command, else "".
func unknownCommand(app *cli.App, argv []string) string {
	p := parseArgs(app, argv[1:])
	if !p.known && len(p.commands) > 0 {
		return p.commands[0]
	}
	return ""
}
