namespace Extractor.Pdf.Parsing;

/// <summary>Builds COS objects from tokens (§7.3). References are recognised by lookahead ("n g R").</summary>
internal sealed class ObjectParser
{
    private readonly Lexer lexer;
    private readonly int maxDepth;

    public ObjectParser(Lexer lexer, int maxDepth)
    {
        this.lexer = lexer;
        this.maxDepth = maxDepth;
    }

    public Lexer Lexer => lexer;

    /// <summary>Reads one object; returns null at end of input. Keywords come back as <see cref="PdfKeyword"/>.</summary>
    public PdfObject? ReadObject()
    {
        if (!lexer.Next(out var t))
        {
            return null;
        }

        return ReadObject(in t, 0);
    }

    public PdfObject ReadObject(in Token t, int depth)
    {
        if (depth > maxDepth)
        {
            throw new PdfLimitException("object nesting deeper than " + maxDepth);
        }

        switch (t.Kind)
        {
            case TokenKind.Integer:
            {
                // Lookahead for "gen R".
                int save = lexer.Position;
                if (t.Integer >= 0 && t.Integer <= int.MaxValue && lexer.Next(out var t2) && t2.Kind == TokenKind.Integer && t2.Integer >= 0 && t2.Integer <= 65535)
                {
                    if (lexer.Next(out var t3) && t3.Kind == TokenKind.Keyword && t3.Length == 1 && lexer.Data[t3.Start] == (byte)'R')
                    {
                        return new PdfReference((int)t.Integer, (int)t2.Integer);
                    }
                }

                lexer.Position = save;
                return PdfInteger.Get(t.Integer);
            }

            case TokenKind.Real:
                return new PdfReal(t.Real);
            case TokenKind.Name:
                return PdfName.Get(lexer.DecodeName(in t));
            case TokenKind.LiteralString:
                return new PdfString(lexer.DecodeLiteral(in t));
            case TokenKind.HexString:
                return new PdfString(lexer.DecodeHex(in t), isHex: true);
            case TokenKind.ArrayStart:
            {
                var items = new List<PdfObject>();
                while (true)
                {
                    if (!lexer.Next(out var it))
                    {
                        break;
                    }

                    if (it.Kind == TokenKind.ArrayEnd)
                    {
                        break;
                    }

                    if (it.Kind == TokenKind.DictEnd || (it.Kind == TokenKind.Keyword && IsObjectEnd(in it)))
                    {
                        // Unterminated array: give the token back to the caller.
                        lexer.Position = it.Start;
                        break;
                    }

                    items.Add(ReadObject(in it, depth + 1));
                }

                return new PdfArray(items);
            }

            case TokenKind.DictStart:
                return ReadDictionaryBody(depth);
            case TokenKind.Keyword:
            {
                var span = lexer.TokenSpan(in t);
                if (span.SequenceEqual("true"u8))
                {
                    return PdfBoolean.True;
                }

                if (span.SequenceEqual("false"u8))
                {
                    return PdfBoolean.False;
                }

                if (span.SequenceEqual("null"u8))
                {
                    return PdfNull.Instance;
                }

                return new PdfKeyword(NameCache.Get(span));
            }

            default:
                return new PdfKeyword(NameCache.Get(lexer.TokenSpan(in t)));
        }
    }

    private bool IsObjectEnd(in Token t) =>
        lexer.KeywordEquals(in t, "endobj"u8) || lexer.KeywordEquals(in t, "stream"u8) || lexer.KeywordEquals(in t, "endstream"u8) || lexer.KeywordEquals(in t, "obj"u8);

    public PdfDictionary ReadDictionaryBody(int depth)
    {
        var dict = new PdfDictionary();
        while (true)
        {
            if (!lexer.Next(out var kt))
            {
                break;
            }

            if (kt.Kind == TokenKind.DictEnd)
            {
                break;
            }

            if (kt.Kind != TokenKind.Name)
            {
                if (kt.Kind == TokenKind.Keyword && IsObjectEnd(in kt))
                {
                    lexer.Position = kt.Start;
                    break;
                }

                // Skip junk keys (poppler does the same).
                continue;
            }

            string key = lexer.DecodeName(in kt);
            if (!lexer.Next(out var vt))
            {
                break;
            }

            if (vt.Kind == TokenKind.DictEnd)
            {
                dict.Entries[key] = PdfNull.Instance;
                break;
            }

            if (vt.Kind == TokenKind.Keyword && IsObjectEnd(in vt))
            {
                lexer.Position = vt.Start;
                break;
            }

            var value = ReadObject(in vt, depth + 1);
            if (value is PdfNull)
            {
                // A null value is the same as an absent key (§7.3.7).
                continue;
            }

            dict.Entries[key] = value;
        }

        return dict;
    }
}
