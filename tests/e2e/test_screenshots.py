"""The README's screenshots: the real window on two years of demo data. Also checks that a large history
renders: a full day's timeline on Today, and every chart on the dashboard."""


def test_demo_data_today_and_dashboard(app):
    summary = app.cli("demo-data", "--people", "3", "--years", "2", "--per-day", "8", "--seed", "7")
    assert "generated" in summary
    app.start()
    app.wait("[data-testid=today-view]")
    # Yesterday is a full working day whatever the hour: the README shows it.
    app.find("[data-testid=prev-day]").click()
    app.wait("[data-testid=timeline]")
    assert len(app.find_all("[data-testid=entry]")) > 0
    app.find("[data-category=visible-participation]").click()
    app.driver.execute_script("document.querySelector('.content').scrollTop = 0")
    app.screenshot("readme-today")
    app.find("[data-testid=go-today]").click()
    app.wait("[data-testid=today-view]")

    app.find("[data-nav=dashboard]").click()
    app.wait("[data-testid=dashboard] [data-testid=overall]")
    app.wait(".plot svg")
    figures = app.driver.execute_script("return document.querySelectorAll('.plot svg').length")
    assert figures >= 3, "heatmap, weekly trend and channel mix"
    app.screenshot("readme-dashboard")
    app.driver.execute_script("document.querySelector('.content').scrollTop = 640")
    app.screenshot("readme-dashboard-charts")
    app.driver.execute_script("document.querySelector('.content').scrollTop = 100000")
    app.screenshot("readme-dashboard-coverage")
    app.find("[data-nav=team]").click()
    app.wait("[data-testid=team-row]")
    assert len(app.find_all("[data-testid=team-row]")) == 3
    app.screenshot("readme-team")
