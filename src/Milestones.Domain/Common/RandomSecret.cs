using System.Security.Cryptography;

namespace Milestones.Domain.Common;

/// <summary>Secrets shown once: a prefix naming their kind, then random base62 characters from a CSPRNG.</summary>
public static class RandomSecret
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Create(string prefix, int randomLength) =>
        prefix + string.Create(randomLength, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Base62[RandomNumberGenerator.GetInt32(Base62.Length)];
            }
        });
}
