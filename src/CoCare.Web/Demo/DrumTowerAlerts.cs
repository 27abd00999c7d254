using System.Security.Cryptography;
using CoCare.Alerts.Domain;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// G village's smart-care devices and their year: an SOS pendant for every elder who lives alone or is 80 or older,
/// and a door sensor at the home of each one living alone; a year of heartbeats summarised per day (a few days short
/// when a device was out of battery or signal); and the alerts the silver volunteer team answered — SOS presses
/// (a quarter of them mistaken), falls and elders not seen moving — each called, taken, attended and closed with a
/// note. The devices' secrets are random and never shown: to drive devices, register your own (the simulator does).
/// </summary>
internal static class DrumTowerAlerts
{
    private static readonly string[] HandledNotes =
    [
        "老人在家中滑倒，扶起后检查无外伤，已通知子女", "老人胸闷，陪同测量血压后缓解，已告知村医", "老人起夜摔倒，扶回床上，次日社工回访",
        "老人忘记关火，已关闭燃气并开窗通风", "老人独自在家不适，陪同至村卫生室",
    ];

    private static readonly string[] FalseNotes = ["老人误按呼叫键，上门确认安好", "孙子玩耍误触，已确认无事", "挂件掉落地上触发，已提醒老人佩戴"];

    public static void Add(AppDbContext db, PersonalDataCipher cipher, IReadOnlyList<Elder> elders, string village,
        IReadOnlyList<AlertResponder> ladder, Random random, DateTime now, out List<DeviceDay> days)
    {
        var today = ChinaTime.Day(now);
        var start = today.AddDays(-364);
        var installed = ChinaTime.Utc(start, new TimeOnly(10, 0));
        var watched = elders.Where(e => e.Categories.Contains(ElderCategory.LivingAlone) || e.AgeOn(today) >= 80).ToList();
        var devices = new List<Device>();
        var n = 0;
        foreach (var elder in watched)
        {
            n++;
            devices.Add(New(DeviceType.SosPendant, $"GC-P-{n:000}", "YT-SOS2", elder, village, installed, cipher));
            if (elder.Categories.Contains(ElderCategory.LivingAlone))
            {
                devices.Add(New(DeviceType.DoorSensor, $"GC-D-{n:000}", "DS-1", elder, village, installed, cipher));
            }
        }

        // This week's duty roster: the village committee's duty person and the provider's duty manager, from eight in the morning.
        var eight = new TimeOnly(8, 0);
        var from = ChinaTime.Utc(ChinaTime.TimeOfDay(now) < eight ? today.AddDays(-1) : today, eight);
        foreach (var duty in ladder.Where(r => r.Kind is ResponderKind.VillageDuty or ResponderKind.ProviderManager))
        {
            db.Add(DutyShift.Roster(village, duty.Kind, duty.AccountId, duty.Name, from, from.AddDays(7), "demo", now));
        }

        // The canteen's kitchen under the drum tower has a smoke and a gas detector of its own, for no one elder.
        var canteen = cipher.Encrypt("广西柳州市三江侗族自治县林溪镇G村鼓楼长者食堂厨房");
        devices.Add(New(DeviceType.SmokeDetector, "GC-S-001", "JTY-GD", new DevicePlace(null, village, canteen, DrumTowerServices.DrumTower.Latitude, DrumTowerServices.DrumTower.Longitude), installed, cipher));
        devices.Add(New(DeviceType.GasDetector, "GC-G-001", "JTQ-BF", new DevicePlace(null, village, canteen, DrumTowerServices.DrumTower.Latitude, DrumTowerServices.DrumTower.Longitude), installed, cipher));
        db.AddRange(devices);

        // A year of days: 288 heartbeats (one every five minutes) on most, fewer on a day out of battery or signal; a
        // pendant's battery runs down over about two months and is charged on a volunteer's visit.
        days = [];
        foreach (var device in devices)
        {
            var battery = 100;
            for (var day = start; day <= today; day = day.AddDays(1))
            {
                var heartbeats = random.NextDouble() < 0.02 ? random.Next(60, 250) : 288;
                if (day == today)
                {
                    heartbeats = (int)(ChinaTime.TimeOfDay(now).ToTimeSpan().TotalMinutes / 5);
                }

                battery = device.Type == DeviceType.SosPendant ? (battery <= 20 ? 100 : battery - random.Next(0, 3)) : Math.Max(40, battery - (random.Next(0, 20) == 0 ? 1 : 0));
                var row = new DeviceDay(device.Id, day);
                row.Add(heartbeats, battery);
                days.Add(row);
            }

            device.Heard(now.AddMinutes(-random.Next(1, 5)), battery, "2.1.0");
            device.Sensed(now.AddMinutes(-random.Next(10, 180)));
        }

        // The alerts of the year: about three presses a month, some falls, and elders the door sensor did not see for half a day.
        var pendants = devices.Where(d => d.Type == DeviceType.SosPendant).ToList();
        var doors = devices.Where(d => d.Type == DeviceType.DoorSensor).ToList();
        var wait = TimeSpan.FromMinutes(2);
        for (var i = 0; i < 48; i++)
        {
            var kind = i % 8 == 0 ? EventType.NoActivity : i % 5 == 0 ? EventType.Fall : EventType.Sos;
            var device = kind == EventType.NoActivity && doors.Count > 0 ? doors[random.Next(doors.Count)] : pendants[random.Next(pendants.Count)];
            var at = ChinaTime.Utc(start.AddDays(random.Next(1, 360)), new TimeOnly(random.Next(6, 22), random.Next(0, 60)));
            Alert alert;
            if (kind == EventType.NoActivity)
            {
                alert = new Alert(device, kind, at);
            }
            else
            {
                var cause = new DeviceEvent(device.Id, $"demo-{i:000}", kind, at.AddSeconds(-2), at, null, i % 3 == 0 ? "mqtt" : "http");
                db.Add(cause);
                alert = new Alert(cause, device);
            }

            alert.Route(ladder, at, wait);
            var taker = 0;
            var taken = at.AddSeconds(random.Next(25, 110));
            if (random.NextDouble() < 0.15)
            {
                alert.Escalate(at + wait, wait); // the volunteer did not hear it: the village committee is called too
                taker = 1;
                taken = at + wait + TimeSpan.FromSeconds(random.Next(20, 90));
            }

            alert.Acknowledge(ladder[taker].AccountId, taken);
            var arrived = taken.AddMinutes(random.Next(3, 12));
            alert.Arrive(ladder[taker].AccountId, arrived);
            var (outcome, note) = kind switch
            {
                EventType.Sos when random.NextDouble() < 0.25 => (AlertOutcome.FalseAlarm, FalseNotes[random.Next(FalseNotes.Length)]),
                EventType.NoActivity => (AlertOutcome.Handled, "老人在家午睡，敲门后应答，身体无碍"),
                EventType.Fall when i == 15 => (AlertOutcome.HandedTo120, "老人跌倒后髋部疼痛，已拨打 120 送县医院，家属随行"),
                _ => (AlertOutcome.Handled, HandledNotes[random.Next(HandledNotes.Length)]),
            };
            alert.Resolve(ladder[taker].AccountId, outcome, note, arrived.AddMinutes(random.Next(8, 40)));
            db.Add(alert);
        }
    }

    private static Device New(DeviceType type, string serial, string model, Elder elder, string village, DateTime installed, PersonalDataCipher cipher) =>
        New(type, serial, model, new DevicePlace(elder.Id, village, elder.AddressCipher, elder.Latitude, elder.Longitude), installed, cipher);

    private static Device New(DeviceType type, string serial, string model, DevicePlace place, DateTime installed, PersonalDataCipher cipher) =>
        new(type, serial, model, place, null, "dk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            cipher.Encrypt(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))!, installed);
}
