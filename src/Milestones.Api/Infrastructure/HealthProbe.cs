namespace Milestones.Api.Infrastructure;

/// <summary><c>--probe &lt;url&gt;</c>: 0 when the URL answers 200 within 3 s, else 1. The container's health check, without curl in the image.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"probe {url}: {e.Message}");
            return 1;
        }
    }
}
