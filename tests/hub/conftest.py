"""The multi-user exchange test: its marker."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "hub: runs a real JupyterHub on 127.0.0.1 with nbgrader's exchange and several users "
                   "(needs jupyterhub from requirements-test.txt and the proxy: npm ci --prefix teachers)")
