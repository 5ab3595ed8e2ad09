def test_the_sign_in_page_renders(client, db):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b"Sign in" in response.content
