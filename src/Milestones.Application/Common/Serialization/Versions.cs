using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Milestones.Application.Common.Serialization;

/// <summary>
/// The version of a representation: a hash of its JSON, so it changes whenever the representation
/// does. The Api shows it as the strong ETag and reads If-Match into expected versions.
/// </summary>
public static class Versions
{
    public static string Of(object? representation)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(representation, representation?.GetType() ?? typeof(object), JsonDefaults.Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }
}
