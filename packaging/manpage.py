#!/usr/bin/env python3
"""aiprod(1) in roff, from the argument parser's own description of the command line.

Usage: aiprod --experimental-dump-help | manpage.py VERSION DATE > aiprod.1

The text comes from the same declarations `aiprod help` prints, so the man page cannot drift
from the binary it ships with.
"""
import json
import sys


def roff(text):
    """Escapes text for roff: backslashes, and a leading dot or quote."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.splitlines() or [""]:
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def flag(argument):
    names = []
    for name in argument.get("names", []):
        prefix = "-" if name["kind"] == "short" else "--"
        if name["kind"] == "longWithSingleDash":
            prefix = "-"
        names.append(prefix + name["name"])
    label = ", ".join(names) if names else "<" + argument.get("valueName", "value") + ">"
    if argument["kind"] == "option":
        label += " <" + argument.get("valueName", "value") + ">"
    return label


def synopsis(path, command):
    parts = [" ".join(path)]
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True):
            continue
        text = flag(argument) if argument["kind"] != "positional" else "<" + argument.get("valueName", "value") + ">"
        if argument.get("isRepeating"):
            text += " ..."
        parts.append("[" + text + "]" if argument.get("isOptional") else text)
    if command.get("subcommands"):
        parts.append("<subcommand>")
    return " ".join(parts)


def section(path, command, out, depth):
    if depth > 0:
        out.append(".SS " + roff(" ".join(path)))
    out.append(".B " + roff(synopsis(path, command)))
    out.append(".PP")
    out.append(roff(command.get("abstract", "")))
    if command.get("discussion"):
        out.append(".PP")
        out.append(roff(command["discussion"]))
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True) or argument["kind"] == "flag" and argument.get("names", [{}])[0].get("name") == "help":
            continue
        out.append(".TP")
        out.append(".B " + roff(flag(argument)))
        text = argument.get("abstract", "")
        if argument.get("defaultValue"):
            text += " (default: " + argument["defaultValue"] + ")"
        if argument.get("allValues"):
            text += " (one of: " + ", ".join(argument["allValues"]) + ")"
        out.append(roff(text))
    for sub in command.get("subcommands", []):
        if sub.get("commandName") == "help" or not sub.get("shouldDisplay", True):
            continue
        section(path + [sub["commandName"]], sub, out, depth + 1)


def main():
    version, date = sys.argv[1], sys.argv[2]
    tool = json.load(sys.stdin)["command"]
    name = tool["commandName"]
    out = [
        '.TH "%s" "1" "%s" "%s %s" "User Commands"' % (name.upper(), date, name, version),
        ".SH NAME",
        roff(name) + " \\- " + roff(tool.get("abstract", "")),
        ".SH SYNOPSIS",
        ".B " + name + " <subcommand> [options]",
        ".SH DESCRIPTION",
        roff(tool.get("discussion") or tool.get("abstract", "")),
        ".SH COMMANDS",
    ]
    body = []
    for sub in tool.get("subcommands", []):
        if sub.get("commandName") == "help" or not sub.get("shouldDisplay", True):
            continue
        section([name, sub["commandName"]], sub, body, 1)
    out += body
    out += [
        ".SH FILES",
        ".TP", ".B /etc/aiprod/aiprod.ini", "The daemon's configuration (docs: /usr/share/doc/aiprod/CONFIG.md).",
        ".TP", ".B /var/lib/aiprod", "Jobs, assets, the SQLite database and backups.",
        ".SH SEE ALSO",
        "systemctl(1), journalctl(1); /usr/share/doc/aiprod/README.md",
    ]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
