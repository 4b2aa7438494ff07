using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Milestones.Api.Tests.Support;

/// <summary>
/// Sends a seed document's curl line as curl would, with the seed's host swapped for the dialect's base
/// URL: <c>-X</c>, <c>-H</c> (the key placeholder's Authorization is the client's own key), <c>-d</c>
/// (form fields joined with <c>&amp;</c>, sent raw as curl sends them, or the query with <c>-G</c>) and the URL.
/// </summary>
public static class Curl
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Run(
        this HttpClient client, string line, string seedHost, string dialectBase)
    {
        var words = Words(line.Replace("\\\n", " ", StringComparison.Ordinal));
        Assert.Equal("curl", words[0]);
        string? method = null, url = null, contentType = null;
        var data = new List<string>();
        var asQuery = false;
        var headers = new List<(string Name, string Value)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X": method = words[++i]; break;
                case "-G": asQuery = true; break;
                case "-d": data.Add(words[++i]); break;
                case "-H":
                    var header = words[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    var (name, value) = (header[..colon].Trim(), header[(colon + 1)..].Trim());
                    if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    {
                        contentType = value;
                    }
                    else if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                    {
                        headers.Add((name, value));
                    }

                    break;
                default: url = words[i]; break;
            }
        }

        Assert.NotNull(url);
        Assert.StartsWith(seedHost, url, StringComparison.Ordinal);
        var target = dialectBase + url[seedHost.Length..];
        var joined = string.Join('&', data);
        if (asQuery && data.Count > 0)
        {
            target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + joined;
        }

        using var request = new HttpRequestMessage(new HttpMethod(method ?? (data.Count > 0 && !asQuery ? "POST" : "GET")), target);
        if (data.Count > 0 && !asQuery)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(joined));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/x-www-form-urlencoded");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    // Shell words: whitespace separates, single and double quotes group (and are removed), as a shell reads a curl line.
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
