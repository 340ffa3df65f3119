namespace VirtualFirewall.Grammar.Lexing;

/// <summary>One word of a command line: its text (quotes removed) and where it starts.</summary>
public readonly record struct Token(string Text, int Start, bool Quoted);
