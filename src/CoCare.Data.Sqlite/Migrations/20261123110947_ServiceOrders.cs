using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServiceOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "svc_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FraudSignalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ServiceTypeCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScheduledFor = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    WorkerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CheckInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckInPoint = table.Column<string>(type: "TEXT", nullable: true),
                    CheckInRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckOutPoint = table.Column<string>(type: "TEXT", nullable: true),
                    CheckOutRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FraudSignals = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_orders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_svc_orders_ElderId_RequestedAt",
                table: "svc_orders",
                columns: new[] { "ElderId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_orders_FraudSignalCount_CompletedAt",
                table: "svc_orders",
                columns: new[] { "FraudSignalCount", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_orders_VillageCode_Status",
                table: "svc_orders",
                columns: new[] { "VillageCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_orders_WorkerId_Status_ScheduledFor",
                table: "svc_orders",
                columns: new[] { "WorkerId", "Status", "ScheduledFor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "svc_orders");
        }
    }
}
