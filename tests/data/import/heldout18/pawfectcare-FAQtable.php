<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" href="<?php echo ROOT?>assets/css/tables.css">
 
</head>
<body>
    <table>
        <thead>
            <tr>
                <th>Question</th>
                <th>Answer</th>
                <th></th>
                <th></th>
                <th class="edit-action-buttons"></th>
                <th class="delete-action-buttons"></th>
            </tr>
        </thead>
        <tbody>
          
            <tr>
                <td>What time are you open on Friday?</td>
                <td>8:00 am to 9:00 pm</td>
                <td><button class="t-button">Send</button></td>
                <td><button class="t-button">Post</button></td>
                <td class="edit-action-buttons">
                    <button class="edit-icon"></button>
                </td>
                <td class="delete-action-buttons">
                    <button class="delete-icon"></button>
                </td>
            </tr>
          
        </tbody>
    </table>
</body>
</html>
