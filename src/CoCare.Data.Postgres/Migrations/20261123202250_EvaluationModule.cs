using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationModule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eval_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    PurchaserOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluatorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IndicatorSystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AppealDays = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: true),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    Grade = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CommissionedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CommissionedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppealDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    Appeal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AppealedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppealAnswer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProviderAcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eval_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "eval_indicator_systems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PreviousId = table.Column<Guid>(type: "uuid", nullable: true),
                    Indicators = table.Column<string>(type: "text", nullable: false),
                    InUse = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eval_indicator_systems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "eval_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseNumber = table.Column<int>(type: "integer", nullable: false),
                    PhaseName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    ShareFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eval_payments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_eval_evaluations_ContractId_Number",
                table: "eval_evaluations",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_eval_evaluations_EvaluatorOrganizationId",
                table: "eval_evaluations",
                column: "EvaluatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_eval_indicator_systems_OwnerOrganizationId",
                table: "eval_indicator_systems",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_eval_payments_ContractId_PhaseNumber",
                table: "eval_payments",
                columns: new[] { "ContractId", "PhaseNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "eval_evaluations");

            migrationBuilder.DropTable(
                name: "eval_indicator_systems");

            migrationBuilder.DropTable(
                name: "eval_payments");
        }
    }
}
