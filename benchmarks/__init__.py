"""Speed and memory benchmarks of ``mastodon`` against Mastodon.py 2.3.3 and a bare ``requests`` client."""
