using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Tests.Engine;

[TestFixture]
public sealed class PanosTimeTests
{
    [Test]
    public void AsctimePadsASingleDigitDayWithASpace() =>
        Assert.That(PanosTime.Asctime(new DateTime(2018, 6, 6, 15, 47, 55, DateTimeKind.Unspecified)), Is.EqualTo("Wed Jun  6 15:47:55 2018"));

    [Test]
    public void AsctimeTwoDigitDay() =>
        Assert.That(PanosTime.Asctime(new DateTime(2016, 4, 28, 6, 33, 12, DateTimeKind.Unspecified)), Is.EqualTo("Thu Apr 28 06:33:12 2016"));

    [Test]
    public void DateCarriesTheZoneBeforeTheYear() =>
        Assert.That(PanosTime.Date(new DateTime(2024, 2, 1, 2, 28, 20, DateTimeKind.Unspecified), "HKT"), Is.EqualTo("Thu Feb  1 02:28:20 HKT 2024"));

    [TestCase(0, 0, 0, 0, "0 days, 0:00:00")]
    [TestCase(2, 2, 38, 49, "2 days, 2:38:49")]
    [TestCase(0, 14, 7, 1, "0 days, 14:07:01")]
    [TestCase(400, 23, 59, 59, "400 days, 23:59:59")]
    public void Uptime(int days, int hours, int minutes, int seconds, string expected) =>
        Assert.That(PanosTime.Uptime(new TimeSpan(days, hours, minutes, seconds)), Is.EqualTo(expected));

    [Test]
    public void NegativeUptimeShowsZero() =>
        Assert.That(PanosTime.Uptime(TimeSpan.FromSeconds(-5)), Is.EqualTo("0 days, 0:00:00"));
}
