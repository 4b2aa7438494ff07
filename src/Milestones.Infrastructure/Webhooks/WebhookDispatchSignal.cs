using Milestones.Application.Common.Interfaces;

namespace Milestones.Infrastructure.Webhooks;

/// <summary>One wake-up at most is kept: the dispatcher, once woken, takes every due delivery.</summary>
public sealed class WebhookDispatchSignal : IWebhookDispatchSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Returns when woken, or after <paramref name="poll"/> on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wake.WaitAsync(either.Token);
        var polled = Task.Delay(poll, clock, either.Token);
        await Task.WhenAny(woken, polled);
        await either.CancelAsync();
        await Task.WhenAll(woken, polled).ContinueWith(_ => { }, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
